// Locating the files tests read: ../shared/reference (vectors) and the repository's partitions/.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

// The folder holding reference/ (OVMSOTA_SHARED, else the first ancestor of the test binary or of
// the source folder that contains shared/reference). Empty when none is found.
std::string shared_dir();

// The repository root: the first ancestor that contains partitions/ and OvmsOta.Firmware/.
std::string repo_dir();

// Whole file as bytes; fails the calling test (ADD_FAILURE) and returns empty when unreadable.
std::vector<uint8_t> read_file_bytes(const std::string &path);

// Bytes from hex text ("ba78 16bf..."; spaces ignored).
std::vector<uint8_t> from_hex(const std::string &hex);
