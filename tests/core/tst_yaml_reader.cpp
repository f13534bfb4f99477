// Tests the YAML/JSON reader: marks, duplicate keys, unterminated quotes, JSON streams and
// hostile input (alias bombs, deep nesting, garbage).
#include <QtTest>

#include "core/api/yaml_reader.h"

using namespace ks::api;

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
        QVERIFY(r.diagnostics[0].message.find("aliases") != std::string::npos);
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

    void tabIndentationIsAnErrorWithPosition() {
        auto r = readYaml("metadata:\n\tname: x\n", "tab.yaml");
        QVERIFY(!r.ok());
        QCOMPARE(r.diagnostics[0].file, std::string("tab.yaml"));
        QVERIFY(r.diagnostics[0].mark.known());
    }
};

QTEST_APPLESS_MAIN(TestYamlReader)
#include "tst_yaml_reader.moc"
