// The writer kubectl describe prints through (k8s.io/kubectl/pkg/describe/describe.go, v1.31:
// PrefixWriter over a text/tabwriter with minwidth 0, tabwidth 8, padding 2, padchar ' ').
// Lines are buffered and laid out as Go's tabwriter lays them out: tab-terminated cells of
// consecutive lines form a column as wide as its widest cell plus the padding.
#pragma once

#include <string>
#include <vector>

namespace ks::kubectl {

class DescribeWriter {
public:
    // Writes text indented by two spaces per level (LEVEL_0 = 0).
    void write(int level, const std::string& text);
    // Lays out what was written so far on its own (PrefixWriter.Flush).
    void flush();
    std::string finish();

private:
    std::string m_done;
    std::string m_pending;
};

// Go's tabwriter with padding 2 (minwidth 0, padchar ' ', no flags) over complete text.
std::string tabwriterFormat(const std::string& text, std::size_t padding = 2);

}  // namespace ks::kubectl
