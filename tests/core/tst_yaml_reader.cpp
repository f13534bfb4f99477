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

QTEST_APPLESS_MAIN(TestYamlReader)
#include "tst_yaml_reader.moc"
