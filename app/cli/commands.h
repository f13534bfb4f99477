// The subcommands of kubestage-cli. Each takes the arguments after its name and returns the
// process exit code; each prints its own --help.
#pragma once

#include <string>
#include <vector>

namespace ks::cli {

int runValidateCommand(const std::vector<std::string>& args);
int runGetCommand(const std::vector<std::string>& args);
int runRunCommand(const std::vector<std::string>& args);
int runScheduleCommand(const std::vector<std::string>& args);
int runBenchCommand(const std::vector<std::string>& args);
int runLessonCommand(const std::vector<std::string>& args);
int runKubectlCommand(const std::vector<std::string>& args);

}  // namespace ks::cli
