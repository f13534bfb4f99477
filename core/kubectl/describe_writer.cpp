#include "core/kubectl/describe_writer.h"

#include <algorithm>

namespace ks::kubectl {

namespace {

using Line = std::vector<std::string>;  // cells; the last one is not tab-terminated

std::size_t runeWidth(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

struct Layout {
    const std::vector<Line>& lines;
    std::size_t padding;
    std::vector<std::size_t> widths;
    std::string out;

    void writeLines(std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            const Line& line = lines[i];
            for (std::size_t j = 0; j < line.size(); ++j) {
                out += line[j];
                if (j < widths.size()) out.append(widths[j] - std::min(widths[j], runeWidth(line[j])), ' ');
            }
            out += '\n';
        }
    }

    // text/tabwriter's Writer.format: a column block is a run of lines with a cell in the column.
    void format(std::size_t line0, std::size_t line1) {
        std::size_t column = widths.size();
        for (std::size_t t = line0; t < line1; ++t) {
            if (column + 1 >= lines[t].size()) continue;
            writeLines(line0, t);
            line0 = t;
            std::size_t width = 0;
            for (; t < line1; ++t) {
                if (column + 1 >= lines[t].size()) break;
                width = std::max(width, runeWidth(lines[t][column]) + padding);
            }
            widths.push_back(width);
            format(line0, t);
            widths.pop_back();
            line0 = t;
            if (t >= line1) break;
        }
        writeLines(line0, line1);
    }
};

}  // namespace

std::string tabwriterFormat(const std::string& text, std::size_t padding) {
    std::vector<Line> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto nl = text.find('\n', pos);
        std::string raw = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        pos = nl == std::string::npos ? text.size() : nl + 1;
        Line line;
        std::size_t start = 0;
        for (;;) {
            auto tab = raw.find('\t', start);
            if (tab == std::string::npos) {
                line.push_back(raw.substr(start));
                break;
            }
            line.push_back(raw.substr(start, tab - start));
            start = tab + 1;
        }
        lines.push_back(std::move(line));
    }
    Layout layout{lines, padding, {}, {}};
    layout.format(0, lines.size());
    return layout.out;
}

void DescribeWriter::write(int level, const std::string& text) {
    m_pending.append(static_cast<std::size_t>(level) * 2, ' ');
    m_pending += text;
}

void DescribeWriter::flush() {
    m_done += tabwriterFormat(m_pending);
    m_pending.clear();
}

std::string DescribeWriter::finish() {
    flush();
    return m_done;
}

}  // namespace ks::kubectl
