// Tests the YAML/JSON reader: marks, duplicate keys, unterminated quotes, JSON streams and
// hostile input (alias bombs, deep nesting, garbage).
#include "ks_test_main.h"
#include <QtTest>

#include "core/api/yaml_reader.h"

using namespace ks::api;

namespace {

// Same tree and same marks, with b's lines shifted by lineShift.
bool sameWithMarks(const Value& a, const Value& b, int lineShift, std::string& why) {
    if (!(a == b)) {
        why = "values differ";
        return false;
    }
    if (a.mark().line != b.mark().line - lineShift || a.mark().col != b.mark().col) {
        why = "mark " + std::to_string(a.mark().line) + ":" + std::to_string(a.mark().col) + " vs " +
              std::to_string(b.mark().line - lineShift) + ":" + std::to_string(b.mark().col) + " at " + a.text();
        return false;
    }
    if (a.style() != b.style()) {
        why = "style differs at " + a.text();
        return false;
    }
    for (std::size_t i = 0; i < a.items().size(); ++i)
        if (!sameWithMarks(a.items()[i], b.items()[i], lineShift, why)) return false;
    for (std::size_t i = 0; i < a.fields().size(); ++i) {
        const auto& fa = a.fields()[i];
        const auto& fb = b.fields()[i];
        if (fa.keyMark.line != fb.keyMark.line - lineShift || fa.keyMark.col != fb.keyMark.col) {
            why = "key mark of " + fa.key;
            return false;
        }
        if (!sameWithMarks(fa.val, fb.val, lineShift, why)) return false;
    }
    return true;
}

}  // namespace

class TestYamlReader : public QObject {
    Q_OBJECT
private slots:
    void marksPointAtNodes() {
        auto r = readYaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name:   web\n", "p.yaml");
        QVERIFY(r.ok());
        QCOMPARE(r.documents.size(), 1u);
        const Value* name = r.documents[0].at("metadata.name");
        QVERIFY(name);
        QCOMPARE(name->text(), std::string("web"));
        QCOMPARE(name->mark().line, 4);
        QCOMPARE(name->mark().col, 11);
    }

    void plainAndQuotedScalarsResolveDifferently() {
        auto r = readYaml("a: 1\nb: \"1\"\nc: true\nd: 'true'\ne: ~\nf: 1.5e3\ng: web\n", "x.yaml");
        QVERIFY(r.ok());
        const Value& d = r.documents[0];
        QCOMPARE(d.get("a")->scalarType(), Value::ScalarType::Int);
        QCOMPARE(d.get("b")->scalarType(), Value::ScalarType::String);
        QCOMPARE(d.get("c")->scalarType(), Value::ScalarType::Bool);
        QCOMPARE(d.get("d")->scalarType(), Value::ScalarType::String);
        QVERIFY(d.get("e")->isNull());
        QCOMPARE(d.get("f")->scalarType(), Value::ScalarType::Float);
        QCOMPARE(*d.get("f")->toDouble(), 1500.0);
        QCOMPARE(d.get("g")->scalarType(), Value::ScalarType::String);
    }

    void duplicateKeysAreRejectedWithBothLines() {
        auto r = readYaml("metadata:\n  name: a\n  labels: {}\n  name: b\n", "dup.yaml");
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.diagnostics[0].format()),
                 QString("dup.yaml:4:3: mapping key \"name\" already defined at line 2"));
    }

    void unterminatedQuoteIsReportedWhereItOpened() {
        auto r = readYaml("kind: Pod\nmetadata:\n  name: \"web\n  labels:\n    a: b\n", "q.yaml");
        QVERIFY(!r.ok());
        QCOMPARE(r.diagnostics[0].mark.line, 3);
        QCOMPARE(r.diagnostics[0].mark.col, 9);
        QVERIFY(r.diagnostics[0].message.find("double-quoted") != std::string::npos);
    }

    void multiDocumentSkipsEmptyDocuments() {
        auto r = readYaml("# comment\n---\n\n---\nkind: A\n---\n# only comment\n---\nkind: B\n", "m.yaml");
        QVERIFY(r.ok());
        QCOMPARE(r.documents.size(), 2u);
        QCOMPARE(r.documents[1].str("kind"), std::string("B"));
        QCOMPARE(r.documents[1].get("kind")->mark().line, 9);
    }

    void concatenatedJsonStreamKeepsFilePositions() {
        auto r = readYaml("{\"kind\": \"A\"}\n{\n  \"kind\": \"B\"\n}\n", "s.json");
        QVERIFY(r.ok());
        QCOMPARE(r.documents.size(), 2u);
        QCOMPARE(r.documents[1].str("kind"), std::string("B"));
        QCOMPARE(r.documents[1].get("kind")->mark().line, 3);
        QCOMPARE(r.documents[1].get("kind")->mark().col, 11);
    }

    // JSON is read without yaml-cpp (json_reader.h); the tree and marks must be what yaml-cpp
    // gives for the same text (which it reads when a comment line comes first).
    void jsonFastPathMatchesYamlCpp_data() {
        QTest::addColumn<QString>("json");
        QTest::newRow("object") << "{\"kind\": \"Pod\", \"n\": 1, \"f\": -1.5e3, \"t\": true, \"z\": null, \"s\": \"1\"}";
        QTest::newRow("nested") << "{\n  \"a\": [1, {\"b\": []}, {}],\n    \"c\": {\"d\": [\"x\", \"y\"]}\n}\n";
        QTest::newRow("escapes") << "{\"e\": \"a\\nb\\t\\\"q\\\" \\u00e9 \\/\"}";
        QTest::newRow("utf-8 before marks") << QString::fromUtf8("{\"\xc3\xa9t\xc3\xa9\": \"\xe8\xb0\x83\", \"b\": [1]}");
        QTest::newRow("array") << "[\n{\"a\": 1},\n {\"b\": 2}\n]";
    }
    void jsonFastPathMatchesYamlCpp() {
        QFETCH(QString, json);
        std::string text = json.toStdString();
        auto fast = readYaml(text, "j.json");
        auto slow = readYaml("# via yaml-cpp\n" + text, "j.json");
        QVERIFY(fast.ok() && slow.ok());
        QCOMPARE(fast.documents.size(), 1u);
        QCOMPARE(slow.documents.size(), 1u);
        std::string why;
        QVERIFY2(sameWithMarks(fast.documents[0], slow.documents[0], 1, why), why.c_str());
    }

    // yaml-cpp 0.7 rejects surrogate pairs ("invalid unicode"); JSON files use them for emoji.
    void jsonSurrogatePairsDecode() {
        auto r = readYaml("{\"e\": \"\\ud83d\\ude80\"}", "e.json");
        QVERIFY(r.ok());
        QCOMPARE(r.documents[0].str("e"), std::string("\xf0\x9f\x9a\x80"));
    }

    void jsonDuplicateKeysAndLimits() {
        auto dup = readYaml("{\"a\": 1,\n \"a\": 2}", "d.json");
        QVERIFY(!dup.ok());
        QCOMPARE(QString::fromStdString(dup.diagnostics[0].format()),
                 QString("d.json:2:2: mapping key \"a\" already defined at line 1"));
        auto deep = readYaml(std::string(600, '[') + std::string(600, ']'), "deep.json");
        QVERIFY(!deep.ok());
        QCOMPARE(QString::fromStdString(deep.diagnostics[0].message), QString("nesting deeper than 512 levels"));
        ReadLimits small;
        small.maxNodes = 10;
        auto big = readYaml("[1,2,3,4,5,6,7,8,9,10,11,12]", "big.json", small);
        QVERIFY(!big.ok());
        QVERIFY(big.diagnostics[0].message.find("too large") != std::string::npos);
        // the same cap holds for flow YAML, before yaml-cpp sees it
        auto flow = readYaml("a: [1,2,3,4,5,6,7,8,9,10,11,12,x: y]", "big.yaml", small);
        QVERIFY(!flow.ok());
        QVERIFY(flow.diagnostics[0].message.find("too large") != std::string::npos);
    }

    void flowStyleWithTrailingCommas() {
        auto r = readYaml("{\n  kind: Pod,\n  metadata: {name: x, labels: {a.b/c: d,},},\n}\n", "k.yaml");
        QVERIFY2(r.ok(), r.ok() ? "" : r.diagnostics[0].format().c_str());
        QCOMPARE(r.documents[0].at("metadata.labels")->str("a.b/c"), std::string("d"));
    }

    void aliasBombIsBounded() {
        std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        char prev = 'a';
        for (char c = 'b'; c <= 'k'; ++c, ++prev) {
            bomb += std::string(1, c) + ": &" + c + " [";
            for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
            bomb += "]\n";
        }
        auto r = readYaml(bomb, "bomb.yaml");
        QVERIFY(!r.ok());
        // Refused by the alias ratio at the third level (1,000 nodes are needed before it applies).
        QCOMPARE(QString::fromStdString(r.diagnostics[0].format()),
                 QString("bomb.yaml:4:8: document contains excessive aliasing"));

        // With a ratio that never trips, the size cap still bounds the expansion.
        ReadLimits small;
        small.maxNodes = 500;
        auto capped = readYaml(bomb, "bomb.yaml", small);
        QVERIFY(!capped.ok());
        QVERIFY(capped.diagnostics[0].message.find("nodes after expanding aliases") != std::string::npos);
    }

    void ordinaryAnchorsAreNotExcessive() {
        // Shared defaults reused by many containers: aliases are a minority of the nodes.
        std::string text = "defaults: &d {image: nginx, imagePullPolicy: IfNotPresent}\nitems:\n";
        for (int i = 0; i < 400; ++i)
            text += "- {name: c" + std::to_string(i) + ", port: " + std::to_string(8000 + i) +
                    ", env: [a, b, c, d], spec: *d}\n";
        auto r = readYaml(text, "anchors.yaml");
        QVERIFY2(r.ok(), r.ok() ? "" : r.diagnostics[0].format().c_str());
        QCOMPARE(r.documents[0].get("items")->items().at(399).at("spec")->str("image"), std::string("nginx"));
    }

    void deepNestingIsAnErrorNotACrash() {
        std::string deep(20000, '[');
        deep += std::string(20000, ']');
        auto r = readYaml(deep, "deep.yaml");
        QVERIFY(!r.ok());
        QVERIFY(r.diagnostics[0].message.find("nesting") != std::string::npos);
    }

    void binaryGarbageIsAnError() {
        std::string garbage;
        for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>((i * 7919) % 256));
        auto r = readYaml(garbage, "garbage.bin");
        QVERIFY(!r.ok());
    }

    // go-yaml (kubectl) rejects these; yaml-cpp would pass them through to the writer.
    void invalidUtf8AndControlCharactersAreErrors_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("col");
        QTest::addColumn<QString>("message");
        QTest::newRow("lone continuation byte") << QByteArray("a: b\nc: x\x80y\n") << 2 << 5
                                                << "invalid leading UTF-8 octet";
        QTest::newRow("truncated sequence") << QByteArray("a: \xe4\xb8") << 1 << 4 << "incomplete UTF-8 octet sequence";
        QTest::newRow("bad trailing byte") << QByteArray("a: \xe4x\xb8\n") << 1 << 4 << "invalid trailing UTF-8 octet";
        QTest::newRow("overlong slash") << QByteArray("a: \xc0\xaf\n") << 1 << 4 << "invalid length of a UTF-8 sequence";
        QTest::newRow("escape character") << QByteArray("a: \x1b[31m\n") << 1 << 4 << "control characters are not allowed";
        QTest::newRow("surrogate") << QByteArray("a: \xed\xa0\x80\n") << 1 << 4 << "control characters are not allowed";
    }
    void invalidUtf8AndControlCharactersAreErrors() {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, col);
        QFETCH(QString, message);
        auto r = readYaml(text.toStdString(), "u.yaml");
        QVERIFY(!r.ok());
        QCOMPARE(r.diagnostics[0].mark.line, line);
        QCOMPARE(r.diagnostics[0].mark.col, col);
        QCOMPARE(QString::fromStdString(r.diagnostics[0].message), message);
    }

    void validUtf8TabsAndCarriageReturnsAreAccepted() {
        auto r = readYaml("a: \"\xe8\xb0\x83\xe5\xba\xa6\tx\"\r\nb: \xf0\x9f\x9a\x80\r\n", "u.yaml");
        QVERIFY(r.ok());
        QCOMPARE(r.documents[0].str("a"), std::string("\xe8\xb0\x83\xe5\xba\xa6\tx"));
        QCOMPARE(r.documents[0].str("b"), std::string("\xf0\x9f\x9a\x80"));
    }

    void tabIndentationIsAnErrorWithPosition() {
        auto r = readYaml("metadata:\n\tname: x\n", "tab.yaml");
        QVERIFY(!r.ok());
        QCOMPARE(r.diagnostics[0].file, std::string("tab.yaml"));
        QVERIFY(r.diagnostics[0].mark.known());
    }
};

KS_TEST_MAIN(TestYamlReader)
#include "tst_yaml_reader.moc"
