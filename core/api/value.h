// Value: a parsed document tree (YAML or JSON) that remembers where every node came from.
//
// The store keeps objects as Values, like upstream's unstructured.Unstructured: unknown fields
// survive a round trip, and every validation error can point at FILE:LINE:COL. Typed views
// (Pod, Node, ...) are decoded from a Value when they are needed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ks::api {

// 1-based line and column in the source text; 0 means "not from a file" (built in code).
struct Mark {
    int line = 0;
    int col = 0;
    bool known() const { return line > 0; }
};

struct ValueField;

class Value {
public:
    enum class Kind : std::uint8_t { Null, Scalar, Sequence, Mapping };
    // How a scalar was written. Plain scalars are resolved like YAML's core schema
    // (true/false, integers, floats, null); quoted ones are always strings.
    enum class Style : std::uint8_t { Plain, Quoted };
    // What a scalar means once resolved.
    enum class ScalarType : std::uint8_t { Null, Bool, Int, Float, String };

    using Field = struct ValueField;

    Value() = default;

    static Value null(Mark m = {});
    static Value string(std::string s, Mark m = {});
    static Value plain(std::string text, Mark m = {});
    static Value integer(std::int64_t v, Mark m = {});
    static Value boolean(bool b, Mark m = {});
    static Value sequence(Mark m = {});
    static Value mapping(Mark m = {});

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    bool isScalar() const { return m_kind == Kind::Scalar; }
    bool isSequence() const { return m_kind == Kind::Sequence; }
    bool isMapping() const { return m_kind == Kind::Mapping; }
    Style style() const { return m_style; }
    Mark mark() const { return m_mark; }
    void setMark(Mark m) { m_mark = m; }

    // Scalars.
    const std::string& text() const { return m_text; }
    ScalarType scalarType() const;
    bool isString() const { return isScalar() && scalarType() == ScalarType::String; }
    std::optional<std::int64_t> toInt() const;   // integer scalars only
    std::optional<double> toDouble() const;      // int or float scalars
    std::optional<bool> toBool() const;          // true/false scalars

    // Sequences.
    const std::vector<Value>& items() const { return m_items; }
    std::vector<Value>& items() { return m_items; }
    void push(Value v);
    std::size_t size() const;

    // Mappings (insertion order kept, as written).
    const std::vector<Field>& fields() const { return m_fields; }
    std::vector<Field>& fields() { return m_fields; }
    const Value* get(std::string_view key) const;
    Value* get(std::string_view key);
    const Field* field(std::string_view key) const;
    // Sets or replaces key (a replaced field keeps its place).
    Value& set(std::string key, Value v, Mark keyMark = {});
    bool remove(std::string_view key);
    // Walks a dotted path of mapping keys ("metadata.name"); nullptr when absent.
    const Value* at(std::string_view dottedPath) const;
    // Returns the mapping at key, creating it (or replacing a non-mapping) when needed.
    Value& child(std::string key);

    // Convenience: the text of a scalar at key, or fallback when absent/not a scalar.
    std::string str(std::string_view key, std::string_view fallback = {}) const;

    // Deep equality of content (marks and styles ignored, except that a quoted "1" is not 1).
    bool operator==(const Value& other) const;

    // Number of nodes in the tree (used to bound alias expansion).
    std::size_t nodeCount() const;

private:
    Kind m_kind = Kind::Null;
    Style m_style = Style::Plain;
    Mark m_mark;
    std::string m_text;
    std::vector<Value> m_items;
    std::vector<Field> m_fields;
};

// One key: value pair of a mapping, with where the key was written.
struct ValueField {
    std::string key;
    Mark keyMark;
    Value val;
};

// Resolves a plain scalar's text as YAML 1.2 core schema does (plus YAML 1.1 spellings
// that Kubernetes' YAML reader also accepts for booleans in bool fields).
Value::ScalarType resolvePlainScalar(std::string_view text);

}  // namespace ks::api
