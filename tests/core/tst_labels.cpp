// Tests label selectors and node selectors against upstream's own tables
// (apimachinery pkg/labels/selector_test.go, component-helpers nodeaffinity_test.go) and the
// error messages kubectl v1.31 prints for the same -l strings.
#include "ks_test_main.h"
#include <QtTest>

#include "core/api/labels.h"

using namespace ks::api;

Q_DECLARE_METATYPE(ks::api::Labels)
Q_DECLARE_METATYPE(ks::api::LabelSelector)
Q_DECLARE_METATYPE(ks::api::NodeSelector)

namespace {

// "a=b,c=d" -> Labels; values may be empty ("a=").
Labels labels(const QString& text) {
    Labels out;
    for (const QString& part : text.split(',', Qt::SkipEmptyParts)) {
        const int eq = part.indexOf('=');
        out[part.left(eq).toStdString()] = part.mid(eq + 1).toStdString();
    }
    return out;
}

LabelSelector selector(const QString& text) {
    std::string error;
    auto s = parseSelector(text.toStdString(), &error);
    if (!s) qFatal("selector does not parse: %s: %s", qPrintable(text), error.c_str());
    return *s;
}

const QString kLabelValueMsg =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must "
    "start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used "
    "for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const QString kNamePartMsg =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

NodeSelectorRequirement req(const char* key, const char* op, std::vector<std::string> values = {}) {
    return NodeSelectorRequirement{key, op, std::move(values)};
}

}  // namespace

class TestLabels : public QObject {
    Q_OBJECT
private slots:
    // What parseSelector makes of kubectl -l strings, printed as kubectl prints selectors.
    void parseSelector_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("printed");
        // upstream TestSelectorParse (good strings) and TestSetSelectorParser.
        QTest::newRow("x=a,y=b,z=c") << "x=a,y=b,z=c" << "x=a,y=b,z=c";
        QTest::newRow("empty") << "" << "<none>";
        QTest::newRow("x!=a,y=b") << "x!=a,y=b" << "x notin (a),y=b";
        QTest::newRow("x=") << "x=" << "x=";
        QTest::newRow("x= ") << "x= " << "x=";
        QTest::newRow("x=,z= ") << "x=,z= " << "x=,z=";
        QTest::newRow("x= ,z= ") << "x= ,z= " << "x=,z=";
        QTest::newRow("!x") << "!x" << "!x";
        QTest::newRow("x>1") << "x>1" << "x>1";
        QTest::newRow("x>1,z<5") << "x>1,z<5" << "x>1,z<5";
        QTest::newRow("\\rx") << "\rx" << "x";
        QTest::newRow("dns key") << "this-is-a-dns.domain.com/key-with-dash"
                                 << "this-is-a-dns.domain.com/key-with-dash";
        QTest::newRow("dns key in") << "this-is-another-dns.domain.com/key-with-dash in (so,what)"
                                    << "this-is-another-dns.domain.com/key-with-dash in (so,what)";
        QTest::newRow("notin ip") << "0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)"
                                  << "0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)";
        QTest::newRow("tabs") << "foo  in\t (abc)" << "foo in (abc)";
        QTest::newRow("newline") << "x notin\n (abc)" << "x notin (abc)";
        QTest::newRow("more tabs") << "x  notin\t\t\t(abc,def)" << "x notin (abc,def)";
        QTest::newRow("x in (abc,def)") << "x in (abc,def)" << "x in (abc,def)";
        QTest::newRow("x in (abc,)") << "x in (abc,)" << "x in (,abc)";
        QTest::newRow("x in ()") << "x in ()" << "x in ()";
        QTest::newRow("sorted by key") << "x notin (abc,def),bar,z in (),w" << "bar,w,x notin (abc,def),z in ()";
        QTest::newRow("x,y in (a)") << "x,y in (a)" << "x,y in (a)";
        QTest::newRow("x=a") << "x=a" << "x=a";
        QTest::newRow("x<7") << "x<7" << "x<7";
        QTest::newRow("x=a,y!=b,z in (h,i,j)") << "x=a,y!=b,z in (h,i,j)" << "x=a,y notin (b),z in (h,i,j)";
        QTest::newRow("x notin ( )") << "x notin ( )" << "x notin ()";
        QTest::newRow("x notin (, a)") << "x notin (, a)" << "x notin (,a)";
        QTest::newRow("a ") << "a " << "a";
        QTest::newRow("in as value") << "a in (x,y,notin, z,in)" << "a in (in,notin,x,y,z)";
        QTest::newRow("notin=in") << "notin=in" << "notin=in";
        QTest::newRow("in in (notin)") << "in in (notin)" << "in in (notin)";
        QTest::newRow("duplicates") << "a in (b,b,a)" << "a in (a,b)";
        QTest::newRow("x==y") << "x==y" << "x=y";
        QTest::newRow("spaces") << "  a = b  " << "a=b";
        QTest::newRow("x,y") << "x,y" << "x,y";
        QTest::newRow("!a,b") << "!a,b" << "!a,b";
        QTest::newRow("uppercase") << "Aa=bb" << "Aa=bb";
        QTest::newRow("prefixed") << "example.com/a=b" << "example.com/a=b";
        QTest::newRow("x!=") << "x!=" << "x notin ()";
        // Two values for one key: kept as two requirements, so nothing matches both.
        QTest::newRow("x=a,x=b") << "x=a,x=b" << "x=a,x in (b)";
        QTest::newRow("x=a,x=a") << "x=a,x=a" << "x=a";

        // Errors, word for word as kubectl v1.31 reports them after "couldn't parse the selector string".
        QTest::newRow("x=a||y=b") << "x=a||y=b"
                                  << "error: unable to parse requirement: values[0][x]: Invalid value: \"a||y\": " +
                                         kLabelValueMsg;
        QTest::newRow("x==a==b") << "x==a==b" << "error: found '==', expected: ',' or 'end of string'";
        QTest::newRow("!x=a") << "!x=a" << "error: found '=', expected: ',' or 'end of string'";
        QTest::newRow("x<a") << "x<a"
                             << "error: unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', "
                                "'Lt' operators, the value must be an integer";
        QTest::newRow(",x,y") << ",x,y" << "error: found ',', expected: !, identifier, or 'end of string'";
        QTest::newRow("x nott in (y)")
            << "x nott in (y)" << "error: unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt";
        QTest::newRow("a in (xyz),") << "a in (xyz)," << "error: found '', expected: identifier after ','";
        QTest::newRow("a in (xyz)b notin ()") << "a in (xyz)b notin ()"
                                              << "error: found 'b', expected: ',' or 'end of string'";
        QTest::newRow("a in (xyz abc)") << "a in (xyz abc)"
                                        << "error: unable to parse requirement: found 'abc', expected: ',' or ')'";
        QTest::newRow("a notin(") << "a notin("
                                  << "error: unable to parse requirement: found '', expected: ',', ')' or identifier";
        QTest::newRow("a (") << "a ("
                             << "error: unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt";
        QTest::newRow("(") << "(" << "error: found '(', expected: !, identifier, or 'end of string'";
        QTest::newRow(")") << ")" << "error: found ')', expected: !, identifier, or 'end of string'";
        QTest::newRow("a in (") << "a in ("
                                << "error: unable to parse requirement: found '', expected: ',', ')' or identifier";
        QTest::newRow("!") << "!" << "error: unable to parse requirement: found '', expected: identifier";
        QTest::newRow("a,") << "a," << "error: found '', expected: identifier after ','";
        QTest::newRow("a,,b") << "a=b,,c" << "error: found ',', expected: identifier after ','";
        QTest::newRow("a b") << "a b"
                             << "error: unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt";
        QTest::newRow("a!b") << "a!b"
                             << "error: unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt";
        QTest::newRow("a=b=c") << "a=b=c" << "error: found '=', expected: ',' or 'end of string'";
        QTest::newRow("a in x") << "a in x" << "error: unable to parse requirement: found 'x' expected: '('";
        QTest::newRow("a notin") << "a notin" << "error: unable to parse requirement: found '' expected: '('";
        QTest::newRow("a=b c") << "a=b c" << "error: found 'c', expected: ',' or 'end of string'";
        QTest::newRow("a in (x y)") << "a in (x y)"
                                    << "error: unable to parse requirement: found 'y', expected: ',' or ')'";
        QTest::newRow("a in (x") << "a in (x" << "error: unable to parse requirement: found '', expected: ',' or ')'";
        QTest::newRow("a in (x,") << "a in (x,"
                                  << "error: unable to parse requirement: found '', expected: ',', or identifier";
        QTest::newRow("a=!") << "a=!" << "error: unable to parse requirement: found '!', expected: identifier";
        QTest::newRow("a<<1") << "a<<1" << "error: unable to parse requirement: found '<', expected: identifier";
        QTest::newRow("a===b") << "a===b" << "error: unable to parse requirement: found '=', expected: identifier";
        QTest::newRow("a=(") << "a=(" << "error: unable to parse requirement: found '(', expected: identifier";
        QTest::newRow("a=b)") << "a=b)" << "error: found ')', expected: ',' or 'end of string'";
        QTest::newRow("a>x") << "a>x"
                             << "error: unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' "
                                "operators, the value must be an integer";
        QTest::newRow("a>") << "a>"
                            << "error: unable to parse requirement: values[0]: Invalid value: \"\": for 'Gt', 'Lt' "
                               "operators, the value must be an integer";
        QTest::newRow("a>-1") << "a>-1"
                              << "error: unable to parse requirement: values[0][a]: Invalid value: \"-1\": " +
                                     kLabelValueMsg;
        QTest::newRow("a=-b") << "a=-b"
                              << "error: unable to parse requirement: values[0][a]: Invalid value: \"-b\": " +
                                     kLabelValueMsg;
        QTest::newRow("two bad values") << "a in (-x,-y)"
                                        << "error: unable to parse requirement: [values[0][a]: Invalid value: \"-x\": " +
                                               kLabelValueMsg + ", values[1][a]: Invalid value: \"-y\": " +
                                               kLabelValueMsg + "]";
        QTest::newRow("64-char value") << "k=" + QString(64, 'a')
                                       << "error: unable to parse requirement: values[0][k]: Invalid value: \"" +
                                              QString(64, 'a') + "\": must be no more than 63 characters";
        QTest::newRow("bad prefix")
            << "A_/b"
            << "error: unable to parse requirement: <nil>: Invalid value: \"A_/b\": prefix part a lowercase RFC 1123 "
               "subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with "
               "an alphanumeric character (e.g. 'example.com', regex used for validation is "
               "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
        QTest::newRow("two slashes")
            << "a/b/c"
            << "error: unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name must consist of "
               "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. "
               "'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
               "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. "
               "'example.com/MyName')";
        QTest::newRow("64-char key") << QString(64, 'a')
                                     << "error: unable to parse requirement: <nil>: Invalid value: \"" + QString(64, 'a') +
                                            "\": name part must be no more than 63 characters";
        QTest::newRow("/a") << "/a"
                            << "error: unable to parse requirement: <nil>: Invalid value: \"/a\": prefix part must be "
                               "non-empty";
        QTest::newRow("a/") << "a/"
                            << "error: unable to parse requirement: <nil>: Invalid value: \"a/\": name part must be "
                               "non-empty; " + kNamePartMsg;
        QTest::newRow("quoted key") << "a\\x00b"
                                    << "error: unable to parse requirement: <nil>: Invalid value: \"a\\\\x00b\": " +
                                           kNamePartMsg;
    }
    void parseSelector() {
        QFETCH(QString, input);
        QFETCH(QString, printed);
        std::string error;
        const auto parsed = ks::api::parseSelector(input.toStdString(), &error);
        const QString got = parsed ? QString::fromStdString(parsed->toString()) : "error: " + QString::fromStdString(error);
        QCOMPARE(got, printed);
        if (!parsed) return;
        // What kubectl prints parses back to the same selector.
        if (printed != "<none>") QCOMPARE(QString::fromStdString(selector(printed).toString()), printed);
    }

    void parsedStructure() {
        const LabelSelector s = selector("x=a,y!=b,z in (j,h,i),!w,v,u>3");
        QCOMPARE(s.matchLabels, (Labels{{"x", "a"}}));
        QCOMPARE(s.matchExpressions.size(), 5u);
        const std::vector<std::pair<std::string, std::string>> expected = {
            {"u", "Gt"}, {"v", "Exists"}, {"w", "DoesNotExist"}, {"y", "NotIn"}, {"z", "In"}};
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(s.matchExpressions[i].key, expected[i].first);
            QCOMPARE(s.matchExpressions[i].op, expected[i].second);
        }
        QCOMPARE(s.matchExpressions[4].values, (std::vector<std::string>{"h", "i", "j"}));
        QCOMPARE(s.matchExpressions[3].values, (std::vector<std::string>{"b"}));
        QVERIFY(s.matchExpressions[1].values.empty());
    }

    // upstream TestSelectorMatches, TestSetMatches and TestRequirementSelectorMatching.
    void selectorMatches_data() {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("labels");
        QTest::addColumn<bool>("matches");
        QTest::newRow("empty matches") << "" << "x=y" << true;
        QTest::newRow("x=y") << "x=y" << "x=y" << true;
        QTest::newRow("x=y,z=w") << "x=y,z=w" << "x=y,z=w" << true;
        QTest::newRow("x!=y,z!=w") << "x!=y,z!=w" << "x=z,z=a" << true;
        QTest::newRow("notin=in") << "notin=in" << "notin=in" << true;
        QTest::newRow("x exists") << "x" << "x=z" << true;
        QTest::newRow("!x") << "!x" << "y=z" << true;
        QTest::newRow("x>1") << "x>1" << "x=2" << true;
        QTest::newRow("x<1") << "x<1" << "x=0" << true;
        QTest::newRow("x=z on nothing") << "x=z" << "" << false;
        QTest::newRow("x=y vs z") << "x=y" << "x=z" << false;
        QTest::newRow("x=y,z=w vs w,w") << "x=y,z=w" << "x=w,z=w" << false;
        QTest::newRow("x!=y,z!=w vs z,w") << "x!=y,z!=w" << "x=z,z=w" << false;
        QTest::newRow("x missing") << "x" << "y=z" << false;
        QTest::newRow("!x present") << "!x" << "x=z" << false;
        QTest::newRow("x>1 vs 0") << "x>1" << "x=0" << false;
        QTest::newRow("x<1 vs 2") << "x<1" << "x=2" << false;
        QTest::newRow("foo=bar") << "foo=bar" << "foo=bar,baz=blah" << true;
        QTest::newRow("baz=blah") << "baz=blah" << "foo=bar,baz=blah" << true;
        QTest::newRow("both") << "foo=bar,baz=blah" << "foo=bar,baz=blah" << true;
        QTest::newRow("foo=blah") << "foo=blah" << "foo=bar,baz=blah" << false;
        QTest::newRow("baz=bar") << "baz=bar" << "foo=bar,baz=blah" << false;
        QTest::newRow("extra key") << "foo=bar,foobar=bar,baz=blah" << "foo=bar,baz=blah" << false;
        QTest::newRow("in and notin") << "x in (foo),y notin (alpha)" << "x=foo,y=baz" << true;
        QTest::newRow("in and in") << "x in (foo),y in (alpha)" << "x=foo,y=baz" << false;
        QTest::newRow("notin on absent") << "x notin (),y" << "y=" << true;
        QTest::newRow("does not exist") << "!x,y" << "y=" << true;
        QTest::newRow("y must not exist") << "x notin (),!y" << "y=" << false;
        QTest::newRow("in empty string") << "x in ()" << "y=baz" << false;
        QTest::newRow("in empty string present") << "x in ()" << "x=" << true;
        QTest::newRow("gt") << "z>1" << "z=2" << true;
        QTest::newRow("gt not integer") << "z>1" << "z=v2" << false;
        QTest::newRow("gt absent") << "z>1" << "" << false;
        QTest::newRow("gt overflow label") << "z>1" << "z=9223372036854775808" << false;
        QTest::newRow("gt leading zeros") << "z>0204" << "z=0206" << true;
        QTest::newRow("gt plus sign") << "z>1" << "z=+5" << true;
        QTest::newRow("lt negative label") << "z<0" << "z=-5" << true;
        QTest::newRow("x=a,x=b") << "x=a,x=b" << "x=b" << false;
        QTest::newRow("case sensitive") << "x=Y" << "x=y" << false;
    }
    void selectorMatches() {
        QFETCH(QString, selector);
        QFETCH(QString, labels);
        QFETCH(bool, matches);
        QCOMPARE(::selector(selector).matches(::labels(labels)), matches);
    }

    // metav1.LabelSelector built directly, as decoded from manifests.
    void labelSelector_data() {
        QTest::addColumn<LabelSelector>("selector");
        QTest::addColumn<QString>("labels");
        QTest::addColumn<bool>("matches");
        QTest::addColumn<QString>("printed");
        QTest::newRow("empty selector matches everything") << LabelSelector{} << "a=b" << true << "<none>";
        QTest::newRow("empty selector, no labels") << LabelSelector{} << "" << true << "<none>";
        QTest::newRow("matchLabels") << LabelSelector{{{"app", "web"}}, {}} << "app=web,tier=fe" << true << "app=web";
        QTest::newRow("matchLabels mismatch") << LabelSelector{{{"app", "web"}}, {}} << "app=db" << false << "app=web";
        // upstream TestToString rows.
        QTest::newRow("in/notin/exists")
            << LabelSelector{{}, {{"x", "In", {"def", "abc"}}, {"y", "NotIn", {"jkl"}}, {"z", "Exists", {}}}}
            << "x=abc,z=1" << true << "x in (abc,def),y notin (jkl),z";
        QTest::newRow("notin/doesnotexist")
            << LabelSelector{{}, {{"x", "NotIn", {"abc", "def"}}, {"z", "DoesNotExist", {}}}} << "x=ghi" << true
            << "x notin (abc,def),!z";
        QTest::newRow("sorted with matchLabels")
            << LabelSelector{{{"tier", "fe"}, {"app", "web"}}, {{"env", "In", {"prod", "dev"}}}} << "app=web,tier=fe,env=dev"
            << true << "app=web,env in (dev,prod),tier=fe";
        QTest::newRow("same key keeps matchLabels first")
            << LabelSelector{{{"a", "x"}}, {{"a", "Exists", {}}}} << "a=x" << true << "a=x,a";
        QTest::newRow("notin matches absent key") << LabelSelector{{}, {{"x", "NotIn", {"a"}}}} << "" << true
                                                  << "x notin (a)";
        QTest::newRow("doesnotexist matches absent key") << LabelSelector{{}, {{"x", "DoesNotExist", {}}}} << "y=1"
                                                         << true << "!x";
        // Upstream cannot convert these, and a selector it cannot convert selects nothing.
        QTest::newRow("in without values") << LabelSelector{{}, {{"x", "In", {}}}} << "x=a" << false << "<error>";
        QTest::newRow("notin without values") << LabelSelector{{}, {{"x", "NotIn", {}}}} << "" << false << "<error>";
        QTest::newRow("exists with values") << LabelSelector{{}, {{"x", "Exists", {"a"}}}} << "x=a" << false
                                            << "<error>";
        QTest::newRow("unknown operator") << LabelSelector{{}, {{"x", "Equals", {"a"}}}} << "x=a" << false
                                          << "<error>";
        QTest::newRow("lowercase operator") << LabelSelector{{}, {{"x", "in", {"a"}}}} << "x=a" << false
                                            << "<error>";
        QTest::newRow("bad key") << LabelSelector{{{"bad key", "a"}}, {}} << "bad key=a" << false << "<error>";
        QTest::newRow("bad value") << LabelSelector{{}, {{"x", "In", {"-a"}}}} << "x=-a" << false << "<error>";
        QTest::newRow("gt from -l") << LabelSelector{{}, {{"gen", "Gt", {"3"}}}} << "gen=4" << true << "gen>3";
        QTest::newRow("gt non-integer value") << LabelSelector{{}, {{"gen", "Gt", {"x"}}}} << "gen=4" << false
                                              << "<error>";
    }
    void labelSelector() {
        QFETCH(LabelSelector, selector);
        QFETCH(QString, labels);
        QFETCH(bool, matches);
        QFETCH(QString, printed);
        QCOMPARE(selector.matches(::labels(labels)), matches);
        QCOMPARE(QString::fromStdString(selector.toString()), printed);
    }

    // upstream TestNodeSelectorMatch and TestPodMatchesNodeSelectorAndAffinityTerms.
    void nodeSelector_data() {
        QTest::addColumn<NodeSelector>("selector");
        QTest::addColumn<QString>("labels");
        QTest::addColumn<QString>("nodeName");
        QTest::addColumn<bool>("matches");
        using T = NodeSelectorTerm;
        QTest::newRow("nil terms") << NodeSelector{} << "foo=bar" << "n" << false;
        QTest::newRow("empty term") << NodeSelector{{T{}}} << "foo=bar" << "n" << false;
        QTest::newRow("In matches") << NodeSelector{{T{{req("foo", "In", {"bar", "value2"})}, {}}}} << "foo=bar"
                                    << "n" << true;
        QTest::newRow("In does not match") << NodeSelector{{T{{req("foo", "In", {"value1", "value2"})}, {}}}}
                                           << "foo=bar" << "n" << false;
        QTest::newRow("Gt kernel-version") << NodeSelector{{T{{req("kernel-version", "Gt", {"0204"})}, {}}}}
                                           << "kernel-version=0206" << "n" << true;
        QTest::newRow("Gt equal") << NodeSelector{{T{{req("kernel-version", "Gt", {"0206"})}, {}}}}
                                  << "kernel-version=0206" << "n" << false;
        QTest::newRow("Lt") << NodeSelector{{T{{req("cores", "Lt", {"8"})}, {}}}} << "cores=4" << "n" << true;
        QTest::newRow("Lt not integer label") << NodeSelector{{T{{req("cores", "Lt", {"8"})}, {}}}} << "cores=four"
                                              << "n" << false;
        QTest::newRow("Lt absent label") << NodeSelector{{T{{req("cores", "Lt", {"8"})}, {}}}} << "" << "n" << false;
        QTest::newRow("Gt two values") << NodeSelector{{T{{req("cores", "Gt", {"1", "2"})}, {}}}} << "cores=4"
                                       << "n" << false;
        QTest::newRow("Gt not integer value") << NodeSelector{{T{{req("cores", "Gt", {"1.5"})}, {}}}} << "cores=4"
                                              << "n" << false;
        QTest::newRow("NotIn DDR") << NodeSelector{{T{{req("mem-type", "NotIn", {"DDR", "DDR2"})}, {}}}}
                                   << "mem-type=DDR3" << "n" << true;
        QTest::newRow("NotIn absent key") << NodeSelector{{T{{req("mem-type", "NotIn", {"DDR"})}, {}}}} << "" << "n"
                                          << true;
        QTest::newRow("DoesNotExist absent key") << NodeSelector{{T{{req("gpu", "DoesNotExist")}, {}}}} << "cpu=x"
                                                 << "n" << true;
        QTest::newRow("DoesNotExist present") << NodeSelector{{T{{req("gpu", "DoesNotExist")}, {}}}} << "gpu=x"
                                              << "n" << false;
        QTest::newRow("Exists GPU") << NodeSelector{{T{{req("GPU", "Exists")}, {}}}} << "GPU=NVIDIA-GRID-K1" << "n"
                                    << true;
        QTest::newRow("In empty values") << NodeSelector{{T{{req("foo", "In", {})}, {}}}} << "foo=bar" << "n"
                                         << false;
        QTest::newRow("ANDed expressions match")
            << NodeSelector{{T{{req("GPU", "Exists"), req("GPU", "NotIn", {"AMD", "INTER"})}, {}}}}
            << "GPU=NVIDIA-GRID-K1" << "n" << true;
        QTest::newRow("ANDed expressions fail")
            << NodeSelector{{T{{req("GPU", "Exists"), req("GPU", "In", {"AMD", "INTER"})}, {}}}}
            << "GPU=NVIDIA-GRID-K1" << "n" << false;
        QTest::newRow("terms ORed")
            << NodeSelector{{T{{req("foo", "In", {"bar", "value2"})}, {}},
                             T{{req("diffkey", "In", {"wrong", "value2"})}, {}}}}
            << "foo=bar" << "n" << true;
        QTest::newRow("invalid value in term") << NodeSelector{{T{{req("foo", "NotIn", {"invalid value: ___@#$%^"})}, {}}}}
                                               << "foo=bar" << "n" << false;
        QTest::newRow("invalid key in term") << NodeSelector{{T{{req("invalid key", "Exists")}, {}}}}
                                             << "invalid key=x" << "n" << false;
        QTest::newRow("unknown operator") << NodeSelector{{T{{req("foo", "Equals", {"bar"})}, {}}}} << "foo=bar"
                                          << "n" << false;
        QTest::newRow("broken term, good term")
            << NodeSelector{{T{{req("foo", "In", {})}, {}}, T{{req("foo", "In", {"bar"})}, {}}}} << "foo=bar" << "n"
            << true;
        const auto nameIn = [](const char* name) { return req("metadata.name", "In", {name}); };
        QTest::newRow("matchFields In") << NodeSelector{{T{{}, {nameIn("node_1")}}}} << "" << "node_1" << true;
        QTest::newRow("matchFields In other node") << NodeSelector{{T{{}, {nameIn("node_1")}}}} << "" << "node_2"
                                                   << false;
        QTest::newRow("matchFields NotIn") << NodeSelector{{T{{}, {req("metadata.name", "NotIn", {"node_1"})}}}} << ""
                                           << "node_2" << true;
        QTest::newRow("matchFields NotIn same") << NodeSelector{{T{{}, {req("metadata.name", "NotIn", {"node_1"})}}}}
                                                << "" << "node_1" << false;
        QTest::newRow("two terms: fields fail, labels match")
            << NodeSelector{{T{{}, {nameIn("node_1")}}, T{{req("foo", "In", {"bar"})}, {}}}} << "foo=bar" << "node_2"
            << true;
        QTest::newRow("one term: fields fail, labels match")
            << NodeSelector{{T{{req("foo", "In", {"bar"})}, {nameIn("node_1")}}}} << "foo=bar" << "node_2" << false;
        QTest::newRow("one term: both match") << NodeSelector{{T{{req("foo", "In", {"bar"})}, {nameIn("node_1")}}}}
                                              << "foo=bar" << "node_1" << true;
        QTest::newRow("two terms: neither matches")
            << NodeSelector{{T{{}, {nameIn("node_1")}}, T{{req("foo", "In", {"not-match-to-bar"})}, {}}}}
            << "foo=bar" << "node_2" << false;
        QTest::newRow("fields match, labels not")
            << NodeSelector{{T{{req("label_1", "In", {"label_1_val"})}, {nameIn("host_1")}}}} << "" << "host_1"
            << false;
        QTest::newRow("fields and labels match")
            << NodeSelector{{T{{req("label_1", "In", {"label_1_val"})}, {nameIn("host_1")}}}}
            << "label_1=label_1_val" << "host_1" << true;
        QTest::newRow("matchFields with two values") << NodeSelector{{T{{}, {req("metadata.name", "In", {"a", "b"})}}}}
                                                     << "" << "a" << false;
        QTest::newRow("matchFields Exists") << NodeSelector{{T{{}, {req("metadata.name", "Exists")}}}} << "" << "a"
                                            << false;
        // Upstream reads fields only from a node that has them: no name, no field check.
        QTest::newRow("unnamed node skips fields") << NodeSelector{{T{{}, {nameIn("node_1")}}}} << "" << "" << true;
        // Any other field reads as "".
        QTest::newRow("unknown field is empty") << NodeSelector{{T{{}, {req("spec.unknown", "In", {""})}}}} << ""
                                                << "n" << true;
    }
    void nodeSelector() {
        QFETCH(NodeSelector, selector);
        QFETCH(QString, labels);
        QFETCH(QString, nodeName);
        QFETCH(bool, matches);
        QCOMPARE(selector.matches(::labels(labels), nodeName.toStdString()), matches);
    }

    void nodeSelectorParseErrors() {
        using T = NodeSelectorTerm;
        // upstream TestNodeSelectorMatch "invalid field selector and label selector".
        const NodeSelector s{{T{{}, {req("metadata.name", "In", {"host_1", "host_2"})}},
                              T{{req("label_1", "In", {"label_1_val"})}, {req("metadata.name", "In", {"host_1"})}},
                              T{{req("invalid key", "In", {"label_value"})}, {}}}};
        const std::vector<std::string> expected = {
            "nodeSelectorTerms[0].matchFields[0].values: Invalid value: []string{\"host_1\", \"host_2\"}: must have "
            "one element",
            "nodeSelectorTerms[2].matchExpressions[0].key: Invalid value: \"invalid key\": " +
                kNamePartMsg.toStdString()};
        QCOMPARE(s.parseErrors(), expected);
        QVERIFY(!s.matches({{"label_1", "label_1_val"}}, "host_2"));
        QVERIFY(s.matches({{"label_1", "label_1_val"}}, "host_1"));

        // upstream TestPreferredSchedulingTermsScore paths ("[0]...") and more operators.
        QCOMPARE((T{{}, {req("metadata.name", "In", {"a", "b"})}}.parseErrors("[0]")),
                 (std::vector<std::string>{
                     "[0].matchFields[0].values: Invalid value: []string{\"a\", \"b\"}: must have one element"}));
        QCOMPARE((T{{req("foo", "Exists", {"bar", "baz"})}, {}}.parseErrors("root")),
                 (std::vector<std::string>{"root.matchExpressions[0].values: Invalid value: []string{\"bar\", \"baz\"}: "
                                           "values set must be empty for exists and does not exist"}));
        QCOMPARE((T{{req("foo", "Equal", {"bar"})}, {req("metadata.name", "Exists")}}.parseErrors()),
                 (std::vector<std::string>{
                     "matchExpressions[0].operator: Unsupported value: \"Equal\": supported values: \"In\", \"NotIn\", "
                     "\"Exists\", \"DoesNotExist\", \"Gt\", \"Lt\"",
                     "matchFields[0].operator: Unsupported value: \"Exists\": supported values: \"In\", \"NotIn\""}));
        QCOMPARE((T{{req("foo", "In"), req("n", "Gt", {"x"}), req("m", "Lt", {"1", "2"})}, {}}.parseErrors("t")),
                 (std::vector<std::string>{
                     "t.matchExpressions[0].values: Invalid value: []string(nil): for 'in', 'notin' operators, values "
                     "set can't be empty",
                     "t.matchExpressions[1].values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must "
                     "be an integer",
                     "t.matchExpressions[2].values: Invalid value: []string{\"1\", \"2\"}: for 'Gt', 'Lt' operators, "
                     "exactly one value is required"}));
        QCOMPARE((T{{req("foo", "NotIn", {"-bad"})}, {}}.parseErrors()),
                 (std::vector<std::string>{"matchExpressions[0].values[0][foo]: Invalid value: \"-bad\": " +
                                           kLabelValueMsg.toStdString()}));
        // Empty terms are skipped, not reported.
        QVERIFY((NodeSelector{{T{}}}.parseErrors().empty()));
        QVERIFY((NodeSelector{{T{{req("a", "In", {"b"})}, {req("metadata.name", "NotIn", {"n"})}}}}.parseErrors().empty()));
    }
};

KS_TEST_MAIN(TestLabels)
#include "tst_labels.moc"
