// parseSelector: kubectl's -l syntax, a port of upstream's lexer and recursive-descent parser
// (k8s.io/apimachinery/pkg/labels/selector.go, v0.31) so that errors read exactly the same.
#include <algorithm>
#include <set>

#include "core/api/label_requirement.h"
#include "core/api/labels.h"
#include "core/api/names.h"

namespace ks::api {

using detail::FieldPath;
using detail::SelectorOp;

namespace {

enum class Token {
    Error,
    EndOfString,
    ClosedPar,
    Comma,
    DoesNotExist,
    DoubleEquals,
    Equals,
    GreaterThan,
    Identifier,
    In,
    LessThan,
    NotEquals,
    NotIn,
    OpenPar
};

struct Item {
    Token tok;
    std::string literal;
};

bool literalToken(std::string_view s, Token& tok) {
    static const struct {
        std::string_view text;
        Token tok;
    } kTokens[] = {{")", Token::ClosedPar},     {",", Token::Comma},          {"!", Token::DoesNotExist},
                   {"==", Token::DoubleEquals}, {"=", Token::Equals},         {">", Token::GreaterThan},
                   {"in", Token::In},           {"<", Token::LessThan},       {"!=", Token::NotEquals},
                   {"notin", Token::NotIn},     {"(", Token::OpenPar}};
    for (const auto& t : kTokens) {
        if (t.text == s) {
            tok = t.tok;
            return true;
        }
    }
    return false;
}

bool isWhitespace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool isSpecialSymbol(char c) {
    return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
}

class Lexer {
public:
    explicit Lexer(std::string_view s) : m_s(s) {}

    Item lex() {
        char ch = read();
        while (isWhitespace(ch)) ch = read();
        if (ch == 0) return {Token::EndOfString, ""};
        unread();
        return isSpecialSymbol(ch) ? scanSpecialSymbol() : scanIdOrKeyword();
    }

private:
    // NUL ends the input, as upstream's read() returns 0 at the end.
    char read() { return m_pos < m_s.size() ? m_s[m_pos++] : '\0'; }
    void unread() { --m_pos; }

    Item scanIdOrKeyword() {
        std::string buffer;
        while (true) {
            const char ch = read();
            if (ch == 0) break;
            if (isSpecialSymbol(ch) || isWhitespace(ch)) {
                unread();
                break;
            }
            buffer += ch;
        }
        Token tok{};
        if (literalToken(buffer, tok)) return {tok, buffer};
        return {Token::Identifier, buffer};
    }

    // The longest operator made of special symbols: "!=" rather than "!" then "=".
    Item scanSpecialSymbol() {
        std::string buffer;
        Item last{Token::Error, ""};
        while (true) {
            const char ch = read();
            if (ch == 0) break;
            if (!isSpecialSymbol(ch)) {
                unread();
                break;
            }
            buffer += ch;
            Token tok{};
            if (literalToken(buffer, tok)) {
                last = {tok, buffer};
            } else if (last.tok != Token::Error) {
                unread();
                break;
            }
        }
        if (last.tok == Token::Error) return {Token::Error, "error expected: keyword found '" + buffer + "'"};
        return last;
    }

    std::string_view m_s;
    std::size_t m_pos = 0;
};

enum class Context { KeyAndOperator, Values };

struct ParsedRequirement {
    std::string key;
    SelectorOp op;
    std::vector<std::string> values;
};

// Errors travel as exceptions inside the parser only; parseSelector turns them into text.
struct ParseError {
    std::string message;
};

class Parser {
public:
    explicit Parser(std::string_view text) {
        Lexer lexer(text);
        while (true) {
            m_items.push_back(lexer.lex());
            if (m_items.back().tok == Token::EndOfString) break;
        }
    }

    std::vector<ParsedRequirement> parse() {
        std::vector<ParsedRequirement> requirements;
        while (true) {
            const Item item = lookahead(Context::Values);
            switch (item.tok) {
            case Token::Identifier:
            case Token::DoesNotExist: {
                try {
                    requirements.push_back(parseRequirement());
                } catch (const ParseError& e) {
                    throw ParseError{"unable to parse requirement: " + e.message};
                }
                const Item next = consume(Context::Values);
                if (next.tok == Token::EndOfString) return requirements;
                if (next.tok != Token::Comma)
                    throw ParseError{"found '" + next.literal + "', expected: ',' or 'end of string'"};
                const Item after = lookahead(Context::Values);
                if (after.tok != Token::Identifier && after.tok != Token::DoesNotExist)
                    throw ParseError{"found '" + after.literal + "', expected: identifier after ','"};
                break;
            }
            case Token::EndOfString:
                return requirements;
            default:
                throw ParseError{"found '" + item.literal + "', expected: !, identifier, or 'end of string'"};
            }
        }
    }

private:
    // In the values context "in" and "notin" are ordinary identifiers: "x in (in)".
    static Item inContext(Item item, Context context) {
        if (context == Context::Values && (item.tok == Token::In || item.tok == Token::NotIn))
            item.tok = Token::Identifier;
        return item;
    }
    Item lookahead(Context context) const { return inContext(m_items[m_position], context); }
    Item consume(Context context) { return inContext(m_items[m_position++], context); }

    ParsedRequirement parseRequirement() {
        ParsedRequirement r;
        bool unary = false;
        Item item = consume(Context::Values);
        r.op = SelectorOp::Exists;
        if (item.tok == Token::DoesNotExist) {
            r.op = SelectorOp::DoesNotExist;
            unary = true;
            item = consume(Context::Values);
        }
        if (item.tok != Token::Identifier) throw ParseError{"found '" + item.literal + "', expected: identifier"};
        if (auto msgs = isQualifiedName(item.literal); !msgs.empty()) {
            std::string joined;
            for (const auto& m : msgs) joined += (joined.empty() ? "" : "; ") + m;
            throw ParseError{detail::invalidError(FieldPath::null(), detail::goQuote(item.literal), joined)};
        }
        r.key = item.literal;
        const Token next = lookahead(Context::Values).tok;
        if (next == Token::EndOfString || next == Token::Comma) unary = true;
        if (!unary) {
            r.op = parseOperator();
            std::set<std::string> values;
            if (r.op == SelectorOp::In || r.op == SelectorOp::NotIn)
                values = parseValues();
            else
                values = parseExactValue();
            r.values.assign(values.begin(), values.end());
        }
        std::vector<std::string> errors;
        detail::requirementErrors(r.key, r.op, r.values, FieldPath::null(), errors);
        if (!errors.empty()) throw ParseError{detail::aggregateMessage(errors)};
        return r;
    }

    SelectorOp parseOperator() {
        const Item item = consume(Context::KeyAndOperator);
        switch (item.tok) {
        case Token::In: return SelectorOp::In;
        case Token::Equals: return SelectorOp::Equals;
        case Token::DoubleEquals: return SelectorOp::DoubleEquals;
        case Token::GreaterThan: return SelectorOp::Gt;
        case Token::LessThan: return SelectorOp::Lt;
        case Token::NotIn: return SelectorOp::NotIn;
        case Token::NotEquals: return SelectorOp::NotEquals;
        default: throw ParseError{"found '" + item.literal + "', expected: in, notin, =, ==, !=, gt, lt"};
        }
    }

    std::set<std::string> parseValues() {
        Item item = consume(Context::Values);
        if (item.tok != Token::OpenPar) throw ParseError{"found '" + item.literal + "' expected: '('"};
        item = lookahead(Context::Values);
        switch (item.tok) {
        case Token::Identifier:
        case Token::Comma: {
            std::set<std::string> values = parseIdentifiersList();
            if (consume(Context::Values).tok != Token::ClosedPar)
                throw ParseError{"found '" + item.literal + "', expected: ')'"};
            return values;
        }
        case Token::ClosedPar:
            consume(Context::Values);
            return {""};
        default:
            throw ParseError{"found '" + item.literal + "', expected: ',', ')' or identifier"};
        }
    }

    // A comma-separated list of possibly empty identifiers: "(a,,b)" holds "".
    std::set<std::string> parseIdentifiersList() {
        std::set<std::string> values;
        while (true) {
            const Item item = consume(Context::Values);
            if (item.tok == Token::Identifier) {
                values.insert(item.literal);
                const Item next = lookahead(Context::Values);
                if (next.tok == Token::Comma) continue;
                if (next.tok == Token::ClosedPar) return values;
                throw ParseError{"found '" + next.literal + "', expected: ',' or ')'"};
            }
            if (item.tok == Token::Comma) {
                if (values.empty()) values.insert("");
                const Token next = lookahead(Context::Values).tok;
                if (next == Token::ClosedPar) {
                    values.insert("");
                    return values;
                }
                if (next == Token::Comma) values.insert("");
                continue;
            }
            throw ParseError{"found '" + item.literal + "', expected: ',', or identifier"};
        }
    }

    std::set<std::string> parseExactValue() {
        const Token next = lookahead(Context::Values).tok;
        if (next == Token::EndOfString || next == Token::Comma) return {""};
        const Item item = consume(Context::Values);
        if (item.tok == Token::Identifier) return {item.literal};
        throw ParseError{"found '" + item.literal + "', expected: identifier"};
    }

    std::vector<Item> m_items;
    std::size_t m_position = 0;
};

const char* opName(SelectorOp op) {
    switch (op) {
    case SelectorOp::In: return "In";
    case SelectorOp::NotIn: return "NotIn";
    case SelectorOp::Exists: return "Exists";
    case SelectorOp::DoesNotExist: return "DoesNotExist";
    case SelectorOp::Gt: return "Gt";
    case SelectorOp::Lt: return "Lt";
    default: return "";
    }
}

}  // namespace

std::optional<LabelSelector> parseSelector(const std::string& text, std::string* error) {
    std::vector<ParsedRequirement> requirements;
    try {
        requirements = Parser(text).parse();
    } catch (const ParseError& e) {
        if (error) *error = e.message;
        return std::nullopt;
    }
    // Upstream sorts requirements by key for a deterministic result.
    std::stable_sort(requirements.begin(), requirements.end(),
                     [](const ParsedRequirement& a, const ParsedRequirement& b) { return a.key < b.key; });
    LabelSelector selector;
    for (auto& r : requirements) {
        if (r.op == SelectorOp::Equals || r.op == SelectorOp::DoubleEquals) {
            const auto [it, inserted] = selector.matchLabels.emplace(r.key, r.values[0]);
            if (!inserted && it->second != r.values[0])
                selector.matchExpressions.push_back({r.key, "In", std::move(r.values)});
            continue;
        }
        if (r.op == SelectorOp::NotEquals) {
            selector.matchExpressions.push_back({r.key, "NotIn", std::move(r.values)});
            continue;
        }
        selector.matchExpressions.push_back({r.key, opName(r.op), std::move(r.values)});
    }
    return selector;
}

}  // namespace ks::api
