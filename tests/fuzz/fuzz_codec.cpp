// libFuzzer target for the codec: bytes -> readYaml -> loadManifestText (with validation), and
// every document and loaded object written back with toYaml must read back as the same tree.
// Crashes, hangs, leaks and sanitizer reports are bugs; so is a round trip that changes a value.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/api/manifest.h"
#include "core/api/writer.h"
#include "core/api/yaml_reader.h"

namespace {

void checkRoundTrip(const ks::api::Value& v) {
    std::string yaml = ks::api::toYaml(v);
    auto back = ks::api::readYaml(yaml, "written.yaml");
    if (back.ok() && back.documents.size() == 1 && back.documents[0] == v) return;
    std::fprintf(stderr, "round trip changed the value; written YAML:\n%s\n", yaml.c_str());
    for (const auto& d : back.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);

    auto read = ks::api::readYaml(text, "fuzz.yaml");
    for (const auto& doc : read.documents) {
        checkRoundTrip(doc);
        (void)ks::api::toJson(doc);
    }

    auto loaded = ks::api::loadManifestText(text, "fuzz.yaml");
    for (const auto& d : loaded.diagnostics) (void)d.format();
    for (const auto& o : loaded.objects) checkRoundTrip(o.object);
    return 0;
}
