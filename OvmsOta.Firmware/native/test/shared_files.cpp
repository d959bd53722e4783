#include "shared_files.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sys/stat.h>

namespace {

bool exists(const std::string &path)
{
    struct stat st;
    return stat(path.c_str(), &st) == 0;
}

std::string parent(const std::string &dir)
{
    size_t slash = dir.find_last_of('/');
    return slash == 0 || slash == std::string::npos ? "/" : dir.substr(0, slash);
}

std::string exe_dir()
{
    char buffer[4096];
    ssize_t n = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
    return n <= 0 ? std::string(".") : parent(std::string(buffer, static_cast<size_t>(n)));
}

// First ancestor of start (itself included) for which found(dir) holds.
template <typename Predicate>
std::string walk_up(std::string dir, Predicate found)
{
    for (;;) {
        if (found(dir)) {
            return dir;
        }
        if (dir == "/") {
            return "";
        }
        dir = parent(dir);
    }
}

template <typename Predicate>
std::string find_from_binary_or_source(Predicate found)
{
    std::string dir = walk_up(exe_dir(), found);
    return dir.empty() ? walk_up(OVMSOTA_NATIVE_SOURCE_DIR, found) : dir;
}

}  // namespace

std::string shared_dir()
{
    const char *env = std::getenv("OVMSOTA_SHARED");
    if (env != nullptr && *env != '\0') {
        return env;
    }
    std::string root = find_from_binary_or_source([](const std::string &d) { return exists(d + "/shared/reference"); });
    return root.empty() ? root : root + "/shared";
}

std::string repo_dir()
{
    return find_from_binary_or_source(
        [](const std::string &d) { return exists(d + "/partitions") && exists(d + "/OvmsOta.Firmware"); });
}

std::vector<uint8_t> read_file_bytes(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ADD_FAILURE() << "cannot read " << path;
        return {};
    }
    return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<uint8_t> from_hex(const std::string &hex)
{
    std::vector<uint8_t> bytes;
    std::string digits;
    for (char c : hex) {
        if (c != ' ') {
            digits += c;
        }
    }
    for (size_t i = 0; i + 1 < digits.size(); i += 2) {
        bytes.push_back(static_cast<uint8_t>(std::stoul(digits.substr(i, 2), nullptr, 16)));
    }
    return bytes;
}
