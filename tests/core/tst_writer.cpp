// Tests the YAML and JSON writers: quoting that keeps every scalar's type, literal blocks, field
// order, and round trips through the reader.
#include "ks_test_main.h"
#include <QtTest>

#include "core/api/writer.h"
#include "core/api/yaml_reader.h"

using namespace ks::api;

namespace {

Value readOne(const std::string& text) {
    auto r = readYaml(text, "t.yaml");
    if (!r.ok() || r.documents.size() != 1) return Value();
    return r.documents[0];
}

Value mapOf(std::string key, Value v) {
    Value m = Value::mapping();
    m.set(std::move(key), std::move(v));
    return m;
}

}  // namespace

class TestWriter : public QObject {
    Q_OBJECT
private slots:
    void stringsThatLookLikeOtherTypesAreQuoted_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("yaml");
        QTest::newRow("true") << "true" << "v: \"true\"\n";
        QTest::newRow("False") << "False" << "v: \"False\"\n";
        QTest::newRow("yes (YAML 1.1 bool)") << "yes" << "v: \"yes\"\n";
        QTest::newRow("on") << "on" << "v: \"on\"\n";
        QTest::newRow("Off") << "Off" << "v: \"Off\"\n";
        QTest::newRow("y") << "y" << "v: \"y\"\n";
        QTest::newRow("null") << "null" << "v: \"null\"\n";
        QTest::newRow("tilde") << "~" << "v: \"~\"\n";
        QTest::newRow("empty") << "" << "v: \"\"\n";
        QTest::newRow("int") << "1" << "v: \"1\"\n";
        QTest::newRow("float") << "0.5" << "v: \"0.5\"\n";
        QTest::newRow("octal 1.1") << "010" << "v: \"010\"\n";
        QTest::newRow("hex") << "0x1F" << "v: \"0x1F\"\n";
        QTest::newRow("binary 1.1") << "0b101" << "v: \"0b101\"\n";
        QTest::newRow("underscore int 1.1") << "1_000" << "v: \"1_000\"\n";
        QTest::newRow("exponent") << "1e3" << "v: \"1e3\"\n";
        QTest::newRow("sexagesimal 1.1") << "1:30" << "v: \"1:30\"\n";
        QTest::newRow("date") << "2024-01-02" << "v: \"2024-01-02\"\n";
        QTest::newRow(".inf") << ".inf" << "v: \".inf\"\n";
        QTest::newRow("colon space") << "a: b" << "v: \"a: b\"\n";
        QTest::newRow("space hash") << "a #b" << "v: \"a #b\"\n";
        QTest::newRow("leading dash space") << "- x" << "v: \"- x\"\n";
        QTest::newRow("leading star") << "*x" << "v: \"*x\"\n";
        QTest::newRow("leading amp") << "&x" << "v: \"&x\"\n";
        QTest::newRow("leading bang") << "!x" << "v: \"!x\"\n";
        QTest::newRow("leading brace") << "{x}" << "v: \"{x}\"\n";
        QTest::newRow("leading quote") << "'x" << "v: \"'x\"\n";
        QTest::newRow("leading percent") << "%x" << "v: \"%x\"\n";
        QTest::newRow("leading space") << " x" << "v: \" x\"\n";
        QTest::newRow("trailing colon") << "x:" << "v: \"x:\"\n";
        QTest::newRow("tab") << "a\tb" << "v: \"a\\tb\"\n";
        QTest::newRow("document marker") << "---x" << "v: \"---x\"\n";
        QTest::newRow("merge key") << "<<" << "v: \"<<\"\n";
        // no quotes where a plain scalar stays a string
        QTest::newRow("word") << "nginx" << "v: nginx\n";
        QTest::newRow("image") << "registry.k8s.io/pause:3.9" << "v: registry.k8s.io/pause:3.9\n";
        QTest::newRow("quantity") << "500m" << "v: 500m\n";
        QTest::newRow("binary quantity") << "1.5Gi" << "v: 1.5Gi\n";
        QTest::newRow("label") << "app.kubernetes.io/name" << "v: app.kubernetes.io/name\n";
        QTest::newRow("words") << "hello world" << "v: hello world\n";
        QTest::newRow("dash word") << "-x" << "v: -x\n";
        QTest::newRow("chinese") << QString::fromUtf8("调度器") << QString::fromUtf8("v: 调度器\n");
    }
    void stringsThatLookLikeOtherTypesAreQuoted() {
        QFETCH(QString, text);
        QFETCH(QString, yaml);
        Value doc = mapOf("v", Value::string(text.toStdString()));
        std::string out = toYaml(doc);
        QCOMPARE(QString::fromStdString(out), yaml);
        Value back = readOne(out);
        QVERIFY(back == doc);
        QCOMPARE(back.get("v")->scalarType(), Value::ScalarType::String);
        QCOMPARE(back.get("v")->text(), text.toStdString());
    }

    void plainScalarsKeepTheirTypeAndSpelling() {
        std::string in = "a: 1\nb: 0.5\nc: true\nd: null\ne: 1e3\nf: web\ng: 0x1F\n";
        Value v = readOne(in);
        std::string out = toYaml(v);
        QCOMPARE(QString::fromStdString(out), QString::fromStdString(in));
    }

    void multiLineStringsBecomeLiteralBlocks() {
        Value doc = mapOf("script", Value::string("#!/bin/sh\necho hi\n\nexit 0\n"));
        std::string out = toYaml(doc);
        QCOMPARE(QString::fromStdString(out), QString("script: |\n  #!/bin/sh\n  echo hi\n\n  exit 0\n"));
        QVERIFY(readOne(out) == doc);
    }

    void multiLineStringsALiteralCannotKeepAreQuoted_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("no final newline") << "a\nb";
        QTest::newRow("two final newlines") << "a\nb\n\n";
        QTest::newRow("leading spaces") << "  a\nb\n";
        QTest::newRow("leading newline") << "\na\n";
        QTest::newRow("indented second line") << "a\n  b\n";
        QTest::newRow("trailing space on a line") << "a \nb\n";
        QTest::newRow("carriage return") << "a\r\nb\n";
    }
    void multiLineStringsALiteralCannotKeepAreQuoted() {
        QFETCH(QString, text);
        Value doc = mapOf("v", Value::string(text.toStdString()));
        std::string out = toYaml(doc);
        QVERIFY2(out.rfind("v: \"", 0) == 0, out.c_str());
        QVERIFY(readOne(out) == doc);
    }

    void fieldOrderIsKept() {
        std::string in = "kind: Pod\napiVersion: v1\nmetadata:\n  name: x\n  labels:\n    z: \"1\"\n    a: b\nspec: {}\n";
        Value v = readOne(in);
        QCOMPARE(QString::fromStdString(toYaml(v)), QString::fromStdString(in));
    }

    void sequencesAndEmptyCollections() {
        Value v = readOne("items:\n- a\n- b: 1\n  c: [x, y]\nempty: []\nnone: {}\nnested:\n- - 1\n");
        std::string out = toYaml(v);
        QCOMPARE(QString::fromStdString(out),
                 QString("items:\n  - a\n  - b: 1\n    c:\n      - x\n      - y\nempty: []\nnone: {}\nnested:\n  -\n    - 1\n"));
        QVERIFY(readOne(out) == v);
    }

    void nullsAreWrittenAsNull() {
        Value v = readOne("spec:\nstatus: ~\n");
        QCOMPARE(QString::fromStdString(toYaml(v)), QString("spec: null\nstatus: null\n"));
    }

    void keysAreQuotedLikeValues() {
        Value m = Value::mapping();
        m.set("true", Value::string("x"));
        m.set("8080", Value::string("w"));
        m.set("a: b", Value::string("z"));
        m.set("", Value::string("e"));
        std::string out = toYaml(m);
        QCOMPARE(QString::fromStdString(out), QString("\"true\": x\n\"8080\": w\n\"a: b\": z\n\"\": e\n"));
        QVERIFY(readOne(out) == m);
    }

    void unicodeLineBreaksAreEscaped() {
        Value doc = mapOf("v", Value::string("a\u2028b"));
        std::string out = toYaml(doc);
        QVERIFY2(out.find("\\u2028") != std::string::npos, out.c_str());
        QVERIFY(readOne(out) == doc);
    }

    void streamSeparatesDocuments() {
        std::vector<Value> docs{mapOf("kind", Value::string("A")), mapOf("kind", Value::string("B"))};
        std::string out = toYamlStream(docs);
        QCOMPARE(QString::fromStdString(out), QString("kind: A\n---\nkind: B\n"));
        auto r = readYaml(out, "s.yaml");
        QCOMPARE(r.documents.size(), 2u);
        QVERIFY(r.documents[1] == docs[1]);
    }

    void jsonResolvesPlainScalarsAndKeepsOrder() {
        Value v = readOne("kind: Pod\nreplicas: 3\nratio: 0.5\nready: true\nnone: null\nquoted: \"3\"\nhex: 0x10\n"
                          "list: [a, 1]\nempty: {}\n");
        QCOMPARE(QString::fromStdString(toJson(v)),
                 QString("{\n    \"kind\": \"Pod\",\n    \"replicas\": 3,\n    \"ratio\": 0.5,\n    \"ready\": true,\n"
                         "    \"none\": null,\n    \"quoted\": \"3\",\n    \"hex\": 16,\n    \"list\": [\n        \"a\",\n"
                         "        1\n    ],\n    \"empty\": {}\n}\n"));
        QCOMPARE(QString::fromStdString(toJson(v, 2)).left(14), QString("{\n  \"kind\": \"P"));
    }

    void jsonOfHugeIntegersDoesNotOverflow() {
        Value v = readOne("big: 123456789012345678901234567890\nneg: -9223372036854775808\n");
        std::string out = toJson(v, -1);
        QCOMPARE(QString::fromStdString(out), QString("{\"big\":1.2345678901234568e+29,\"neg\":-9223372036854775808}\n"));
    }

    void jsonRoundTripsThroughTheReader() {
        Value v = readOne("a:\n  b: [1, \"2\", true, null, x]\n  c: {d: e}\n");
        Value back = readOne(toJson(v));
        QVERIFY(back == v);
    }
};

KS_TEST_MAIN(TestWriter)
#include "tst_writer.moc"
