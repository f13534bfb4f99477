// Tests name and label syntax validation against upstream's own cases
// (k8s.io/apimachinery/pkg/util/validation/validation_test.go) and its exact messages.
#include "ks_test_main.h"
#include <QtTest>

#include "core/api/names.h"

using namespace ks::api;

namespace {

const QString kLabelMsg =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start "
    "and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const QString kSubdomainMsg =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
    "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const QString kNamePartMsg =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const QString kQualifiedNameMsg =
    "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with "
    "an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. "
    "'example.com/MyName')";
const QString kLabelValueMsg =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must "
    "start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used "
    "for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

QStringList toList(const std::vector<std::string>& v) {
    QStringList out;
    for (const auto& s : v) out << QString::fromStdString(s);
    return out;
}

std::string rep(char c, int n) { return std::string(static_cast<std::size_t>(n), c); }

}  // namespace

class TestNames : public QObject {
    Q_OBJECT
private slots:
    // An empty expected list means valid.
    void dns1123Label_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("errors");
        for (const char* good : {"a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a",
                                 "1--a--b--2"})
            QTest::newRow(good) << QString(good) << QStringList{};
        QTest::newRow("63 chars") << QString::fromStdString(rep('a', 63)) << QStringList{};
        for (const char* bad : {"", "A", "ABC", "aBc", "A1", "A-1", "1-A", "-", "a-", "-a", "1-", "-1", "_", "a_",
                                "_a", "a_b", "1_", "_1", "1_2", ".", "a.", ".a", "1.", ".1", " ", "a ", " a",
                                "a b", "1 ", " 1", "1 2"})
            QTest::newRow(qPrintable(QString("bad '%1'").arg(bad))) << QString(bad) << QStringList{kLabelMsg};
        // A valid subdomain that is no label only has dots to blame.
        QTest::newRow("a.b") << "a.b" << QStringList{"must not contain dots"};
        QTest::newRow("1.2") << "1.2" << QStringList{"must not contain dots"};
        QTest::newRow("64 chars") << QString::fromStdString(rep('a', 64))
                                  << QStringList{"must be no more than 63 characters"};
        QTest::newRow("64 chars with dot") << QString::fromStdString(rep('a', 60) + ".bbb")
                                           << QStringList{"must be no more than 63 characters",
                                                          "must not contain dots"};
        QTest::newRow("64 bad chars") << QString::fromStdString(rep('A', 64))
                                      << QStringList{"must be no more than 63 characters", kLabelMsg};
    }
    void dns1123Label() {
        QFETCH(QString, value);
        QFETCH(QStringList, errors);
        QCOMPARE(toList(isDNS1123Label(value.toStdString())), errors);
    }

    void dns1123Subdomain_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("errors");
        for (const char* good :
             {"a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a", "1--a--b--2", "a.a",
              "ab.a", "abc.a", "a1.a", "a-1.a", "a--1--2--b.a", "a.1", "ab.1", "abc.1", "a1.1", "a-1.1",
              "a--1--2--b.1", "0.a", "01.a", "012.a", "1a.a", "1-a.a", "0.1", "01.1", "012.1", "1a.1", "1-a.1",
              "1--a--b--2.1", "a.b.c.d.e", "aa.bb.cc.dd.ee", "1.2.3.4.5", "11.22.33.44.55"})
            QTest::newRow(good) << QString(good) << QStringList{};
        QTest::newRow("253 chars") << QString::fromStdString(rep('a', 253)) << QStringList{};
        QTest::newRow("label of 100 chars") << QString::fromStdString(rep('a', 100) + ".b") << QStringList{};
        for (const char* bad :
             {"", "A", "ABC", "aBc", "A1", "A-1", "1-A", "-", "a-", "-a", "1-", "-1", "_", "a_", "_a", "a_b", "1_",
              "_1", "1_2", ".", "a.", ".a", "a..b", "1.", ".1", "1..2", " ", "a ", " a", "a b", "1 ", " 1", "1 2",
              "A.a", "aB.a", "ab.A", "A1.a", "a1.A", "A.1", "aB.1", "A1.1", "1A.1", "0.A", "01.A", "012.A", "1A.a",
              "1a.A", "A.B.C.D.E", "AA.BB.CC.DD.EE", "a.B.c.d.e", "aa.bB.cc.dd.ee", "a@b", "a,b", "a;b", "a:b",
              "a%b", "a?b", "a$b", "a.-b", "a-.b", "caf\xc3\xa9"})
            QTest::newRow(qPrintable(QString("bad '%1'").arg(bad))) << QString(bad) << QStringList{kSubdomainMsg};
        QTest::newRow("254 chars") << QString::fromStdString(rep('a', 254))
                                   << QStringList{"must be no more than 253 characters"};
        QTest::newRow("254 bad chars") << QString::fromStdString(rep('a', 253) + "-")
                                       << QStringList{"must be no more than 253 characters", kSubdomainMsg};
    }
    void dns1123Subdomain() {
        QFETCH(QString, value);
        QFETCH(QStringList, errors);
        QCOMPARE(toList(isDNS1123Subdomain(value.toStdString())), errors);
    }

    void qualifiedName_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("errors");
        for (const char* good : {"simple", "now-with-dashes", "1-starts-with-num", "1234", "simple/simple",
                                 "now-with-dashes/simple", "now-with-dashes/now-with-dashes", "now.with.dots/simple",
                                 "now-with.dashes-and.dots/simple", "1-num.2-num/3-num", "1234/5678", "1.2.3.4/5678",
                                 "Uppercase_Is_OK_123", "example.com/Uppercase_Is_OK_123", "requests.storage-foo",
                                 "kubernetes.io/hostname", "topology.kubernetes.io/zone", "a"})
            QTest::newRow(good) << QString(good) << QStringList{};
        QTest::newRow("63 chars") << QString::fromStdString(rep('a', 63)) << QStringList{};
        QTest::newRow("253/63") << QString::fromStdString(rep('a', 253) + "/" + rep('b', 63)) << QStringList{};

        QTest::newRow("nospecialchars%^=@") << "nospecialchars%^=@" << QStringList{kNamePartMsg};
        QTest::newRow("cantendwithadash-") << "cantendwithadash-" << QStringList{kNamePartMsg};
        QTest::newRow("-cantstartwithadash-") << "-cantstartwithadash-" << QStringList{kNamePartMsg};
        QTest::newRow("invalid key") << "invalid key" << QStringList{kNamePartMsg};
        QTest::newRow("only/one/slash") << "only/one/slash" << QStringList{kQualifiedNameMsg};
        QTest::newRow("a/b/c") << "a/b/c" << QStringList{kQualifiedNameMsg};
        QTest::newRow("Example.com/abc") << "Example.com/abc" << QStringList{"prefix part " + kSubdomainMsg};
        QTest::newRow("example_com/abc") << "example_com/abc" << QStringList{"prefix part " + kSubdomainMsg};
        QTest::newRow("A_/b") << "A_/b" << QStringList{"prefix part " + kSubdomainMsg};
        QTest::newRow("example.com/") << "example.com/"
                                      << QStringList{"name part must be non-empty", kNamePartMsg};
        QTest::newRow("a/") << "a/" << QStringList{"name part must be non-empty", kNamePartMsg};
        QTest::newRow("/simple") << "/simple" << QStringList{"prefix part must be non-empty"};
        QTest::newRow("/") << "/"
                           << QStringList{"prefix part must be non-empty", "name part must be non-empty",
                                          kNamePartMsg};
        QTest::newRow("empty") << "" << QStringList{"name part must be non-empty", kNamePartMsg};
        QTest::newRow("64 chars") << QString::fromStdString(rep('a', 64))
                                  << QStringList{"name part must be no more than 63 characters"};
        QTest::newRow("64 bad chars") << QString::fromStdString(rep('a', 63) + "-")
                                      << QStringList{"name part must be no more than 63 characters", kNamePartMsg};
        QTest::newRow("254/abc") << QString::fromStdString(rep('a', 254) + "/abc")
                                 << QStringList{"prefix part must be no more than 253 characters"};
        QTest::newRow("both parts bad") << "-x/-y" << QStringList{"prefix part " + kSubdomainMsg, kNamePartMsg};
    }
    void qualifiedName() {
        QFETCH(QString, value);
        QFETCH(QStringList, errors);
        QCOMPARE(toList(isQualifiedName(value.toStdString())), errors);
        QCOMPARE(isQualifiedNameValid(value.toStdString()), errors.isEmpty());
    }

    void labelValue_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("errors");
        for (const char* good :
             {"simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1", "1234", "", "a", "A.b_C-d"})
            QTest::newRow(qPrintable(QString("good '%1'").arg(good))) << QString(good) << QStringList{};
        QTest::newRow("63 chars") << QString::fromStdString(rep('a', 63)) << QStringList{};
        for (const char* bad : {"nospecialchars%^=@", "Tama-nui-te-r\xc4\x81.is.M\xc4\x81ori.sun",
                                "\\backslashes\\are\\bad", "-starts-with-dash", "ends-with-dash-", ".starts.with.dot",
                                "ends.with.dot.", "-b", "b-", "a/b", " "})
            QTest::newRow(qPrintable(QString("bad '%1'").arg(bad)))
                << QString::fromUtf8(bad) << QStringList{kLabelValueMsg};
        QTest::newRow("64 chars") << QString::fromStdString(rep('a', 64))
                                  << QStringList{"must be no more than 63 characters"};
        QTest::newRow("64 bad chars") << QString::fromStdString(rep('a', 63) + "-")
                                      << QStringList{"must be no more than 63 characters", kLabelValueMsg};
    }
    void labelValue() {
        QFETCH(QString, value);
        QFETCH(QStringList, errors);
        QCOMPARE(toList(isValidLabelValue(value.toUtf8().toStdString())), errors);
        QCOMPARE(isLabelValueValid(value.toUtf8().toStdString()), errors.isEmpty());
    }

    // The scanners are linear: a megabyte of input is rejected quickly and without recursion.
    void hugeInputIsLinear() {
        const std::string big(1 << 20, 'a');
        QCOMPARE(isDNS1123Subdomain(big).size(), 1u);
        QCOMPARE(isDNS1123Label(big).size(), 1u);
        QCOMPARE(isValidLabelValue(big).size(), 1u);
        std::string dots;
        for (int i = 0; i < 200000; ++i) dots += "a.";
        dots += "a";
        QCOMPARE(toList(isDNS1123Subdomain(dots)), QStringList{"must be no more than 253 characters"});
        QCOMPARE(toList(isDNS1123Label(dots)),
                 (QStringList{"must be no more than 63 characters", "must not contain dots"}));
    }
};

KS_TEST_MAIN(TestNames)
#include "tst_names.moc"
