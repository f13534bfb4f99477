// The rich text of lessons: a small, safe subset of Markdown. Lesson files are data; nothing in
// them may run code, load QML or fetch anything, so the text allows only
//   **bold**, `code`, [link text](lesson:ID), "- " / "* " bullet lists, "1. " numbered lists,
//   and paragraphs separated by blank lines;
// everything else that a renderer could interpret is an error: raw HTML or XML tags, HTML
// entities, images, links to anything but another lesson, headings, block quotes, code fences,
// tables. Inside `code` any character is literal (`kubectl label nodes <node> disktype=ssd`).
// Bold and code spans end on the line they start on.
//
// richTextToHtml() gives the GUI a Qt StyledText string built from escaped pieces only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ks::lesson {

struct RichTextProblem {
    int line = 1;  // 1-based, within the text
    int col = 1;   // 1-based, in bytes
    std::string message;
};

// inlineOnly: titles and quiz choices, where lists and paragraphs are not allowed.
std::vector<RichTextProblem> checkRichText(std::string_view text, bool inlineOnly = false);

// The lesson ids that [text](lesson:ID) links point to, in order.
std::vector<std::string> lessonLinks(std::string_view text);

// The text as HTML for Qt's StyledText (<p>, <ul>/<ol>/<li>, <b>, <code>, <a href="lesson:ID">);
// every other character escaped. Only meaningful for text that checkRichText() accepts.
std::string richTextToHtml(std::string_view text);

// The text without markup (for a plain label or a screen reader).
std::string richTextToPlain(std::string_view text);

}  // namespace ks::lesson
