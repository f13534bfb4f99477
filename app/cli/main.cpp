#include "core/api/yaml_reader.h"
#include <iostream>
int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    auto r = ks::api::readYamlFile(argv[i]);
    for (auto& d : r.diagnostics) std::cout << d.format() << "\n";
    std::cout << argv[i] << ": " << r.documents.size() << " docs\n";
  }
}
