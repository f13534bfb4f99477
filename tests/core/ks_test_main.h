// All core tests live in one executable (kubestage_core_tests): one moc run, one link and one
// precompiled header for the whole suite instead of one of each per file, which was most of the
// suite's build time. Each tests/core/tst_*.cpp ends with KS_TEST_MAIN(ClassName) where a
// stand-alone Qt Test would have QTEST_APPLESS_MAIN; the runner's first argument picks the test
// by file name (`kubestage_core_tests tst_quantity -v2`), and ctest runs each file's test in its
// own process as before.
#pragma once

#include <QTest>

namespace ks::test {

using TestRunner = int (*)(int argc, char** argv);

// Registers `run` under the base name of `sourceFile` (tst_quantity for .../tst_quantity.cpp).
bool registerTest(const char* sourceFile, TestRunner run);

}  // namespace ks::test

#define KS_TEST_MAIN(TestClass)                                        \
    static int ks_run_##TestClass(int argc, char** argv) {             \
        TestClass test;                                                \
        return QTest::qExec(&test, argc, argv);                        \
    }                                                                  \
    [[maybe_unused]] static const bool ks_registered_##TestClass =     \
        ::ks::test::registerTest(__FILE__, &ks_run_##TestClass);
