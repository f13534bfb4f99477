// The core test runner: `kubestage_core_tests NAME [Qt Test options]` runs the test registered
// from tests/core/NAME.cpp; `--list` prints the names (see ks_test_main.h).
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "ks_test_main.h"

namespace ks::test {

namespace {
std::map<std::string, TestRunner>& registry() {
    static std::map<std::string, TestRunner> tests;
    return tests;
}
}  // namespace

bool registerTest(const char* sourceFile, TestRunner run) {
    std::string name = sourceFile;
    if (auto slash = name.find_last_of("/\\"); slash != std::string::npos) name.erase(0, slash + 1);
    if (auto dot = name.rfind('.'); dot != std::string::npos) name.erase(dot);
    registry()[name] = run;
    return true;
}

}  // namespace ks::test

int main(int argc, char** argv) {
    const auto& tests = ks::test::registry();
    if (argc < 2 || std::strcmp(argv[1], "--list") == 0 || std::strcmp(argv[1], "--help") == 0) {
        std::fprintf(argc < 2 ? stderr : stdout, "usage: %s TEST [Qt Test options]\ntests:\n",
                     argv[0]);
        for (const auto& [name, run] : tests) std::fprintf(argc < 2 ? stderr : stdout, "  %s\n", name.c_str());
        return argc < 2 ? 2 : 0;
    }
    auto found = tests.find(argv[1]);
    if (found == tests.end()) {
        std::fprintf(stderr, "%s: no test named \"%s\" (--list shows them)\n", argv[0], argv[1]);
        return 2;
    }
    // Qt Test sees the program name followed by the remaining options.
    std::vector<char*> args{argv[0]};
    for (int i = 2; i < argc; ++i) args.push_back(argv[i]);
    args.push_back(nullptr);
    return found->second(static_cast<int>(args.size()) - 1, args.data());
}
