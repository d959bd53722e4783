// ovmsota_flash_* over the fake ESP-IDF with the OVMS v3-35 layout, running ota_0.
#include <gtest/gtest.h>
#include <climits>
#include <cstring>
#include <vector>

#include "fake_idf.h"
#include "ovmsota_flash.h"
#include "shared_files.h"

namespace {

const uint32_t kOta1 = 0x710000;    // ota_1 address in the OVMS layout
const uint32_t kStore = 0xe10000;   // store address
const int32_t kOtaSize = 0x700000;  // 7 MB slots

class Flash : public ::testing::Test {
protected:
    void SetUp() override { fake_idf_reset(); }
    void TearDown() override { EXPECT_EQ(0, fake_idf_open_iterators()) << "an iterator was not released"; }

    static std::vector<uint8_t> pattern(size_t n, uint8_t seed)
    {
        std::vector<uint8_t> bytes(n);
        for (size_t i = 0; i < n; i++) {
            bytes[i] = static_cast<uint8_t>(seed + i * 7);
        }
        return bytes;
    }
    static bool all_erased(uint32_t address, uint32_t count)
    {
        const uint8_t *flash = fake_idf_flash();
        for (uint32_t i = 0; i < count; i++) {
            if (flash[address + i] != 0xFF) {
                return false;
            }
        }
        return true;
    }
};

TEST_F(Flash, ReadReturnsTheBytesAtThePartitionOffset)
{
    std::vector<uint8_t> data = pattern(300, 1);
    std::memcpy(fake_idf_flash() + kStore + 0x1234, data.data(), data.size());
    std::vector<uint8_t> read(300, 0);
    ASSERT_EQ(ESP_OK, ovmsota_flash_read("store", 0x1234, read.data(), 300));
    EXPECT_EQ(data, read);
}

TEST_F(Flash, ReadOfErasedFlashIsAllFF)
{
    std::vector<uint8_t> read(64, 0);
    ASSERT_EQ(ESP_OK, ovmsota_flash_read("ota_1", 0, read.data(), 64));
    EXPECT_EQ(std::vector<uint8_t>(64, 0xFF), read);
}

TEST_F(Flash, WriteThenReadRoundTripsAtAnyOffset)
{
    std::vector<uint8_t> data = pattern(1000, 3);
    ASSERT_EQ(ESP_OK, ovmsota_flash_write("ota_1", 0x12345, data.data(), 1000));  // unaligned is fine
    std::vector<uint8_t> read(1000, 0);
    ASSERT_EQ(ESP_OK, ovmsota_flash_read("ota_1", 0x12345, read.data(), 1000));
    EXPECT_EQ(data, read);
    EXPECT_EQ(0, std::memcmp(fake_idf_flash() + kOta1 + 0x12345, data.data(), 1000)) << "bytes not at ota_1 + offset";
    EXPECT_TRUE(all_erased(kOta1 + 0x12345 + 1000, 16)) << "write spilled past its range";
}

TEST_F(Flash, WriteThatWouldSetABitFailsAndLeavesFlashUnchanged)
{
    uint8_t zeros[4] = {0, 0, 0, 0};
    uint8_t ones[4] = {0xFF, 0x01, 0xFF, 0xFF};
    ASSERT_EQ(ESP_OK, ovmsota_flash_write("store", 0x10, zeros, 4));
    EXPECT_EQ(ESP_FAIL, ovmsota_flash_write("store", 0x10, ones, 4));
    EXPECT_EQ(0, std::memcmp(fake_idf_flash() + kStore + 0x10, zeros, 4));
}

TEST_F(Flash, WriteThatOnlyClearsMoreBitsIsAllowed)
{
    uint8_t first[1] = {0xF0};
    uint8_t second[1] = {0x30};
    ASSERT_EQ(ESP_OK, ovmsota_flash_write("store", 0, first, 1));
    ASSERT_EQ(ESP_OK, ovmsota_flash_write("store", 0, second, 1));
    EXPECT_EQ(0x30, fake_idf_flash()[kStore]);
}

TEST_F(Flash, EraseSectorRestoresFFInThatSectorOnly)
{
    std::vector<uint8_t> zeros(3 * OVMSOTA_SECTOR_SIZE, 0);
    ASSERT_EQ(ESP_OK, ovmsota_flash_write("ota_1", 0, zeros.data(), static_cast<int32_t>(zeros.size())));
    ASSERT_EQ(ESP_OK, ovmsota_flash_erase_sector("ota_1", OVMSOTA_SECTOR_SIZE));
    EXPECT_TRUE(all_erased(kOta1 + OVMSOTA_SECTOR_SIZE, OVMSOTA_SECTOR_SIZE));
    EXPECT_EQ(0, fake_idf_flash()[kOta1 + OVMSOTA_SECTOR_SIZE - 1]) << "previous sector touched";
    EXPECT_EQ(0, fake_idf_flash()[kOta1 + 2 * OVMSOTA_SECTOR_SIZE]) << "next sector touched";
    EXPECT_EQ(1, fake_idf_counts().erases);
    EXPECT_EQ(static_cast<uint32_t>(OVMSOTA_SECTOR_SIZE), fake_idf_counts().erased_bytes);
}

TEST_F(Flash, EraseBlockErases64KBInOneCall)
{
    std::vector<uint8_t> zeros(OVMSOTA_BLOCK_SIZE + 1, 0);
    ASSERT_EQ(ESP_OK, ovmsota_flash_write("ota_1", OVMSOTA_BLOCK_SIZE, zeros.data(), static_cast<int32_t>(zeros.size())));
    ASSERT_EQ(ESP_OK, ovmsota_flash_erase_block("ota_1", OVMSOTA_BLOCK_SIZE));
    EXPECT_TRUE(all_erased(kOta1 + OVMSOTA_BLOCK_SIZE, OVMSOTA_BLOCK_SIZE));
    EXPECT_EQ(0, fake_idf_flash()[kOta1 + 2 * OVMSOTA_BLOCK_SIZE]) << "next block touched";
    EXPECT_EQ(1, fake_idf_counts().erases);
    EXPECT_EQ(static_cast<uint32_t>(OVMSOTA_BLOCK_SIZE), fake_idf_counts().erased_bytes);
}

TEST_F(Flash, UnalignedEraseIsRefusedWithInvalidArgAndErasesNothing)
{
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_flash_erase_sector("ota_1", 0x800));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_flash_erase_sector("ota_1", 1));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_flash_erase_block("ota_1", OVMSOTA_SECTOR_SIZE));  // sector- but not block-aligned
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_flash_erase_block("store", 0x8000));
    EXPECT_EQ(0, fake_idf_counts().erases);
}

TEST_F(Flash, BlockAlignmentIsOfTheAbsoluteAddress)
{
    // nvs starts at 0x9000: no 64 KB block of the chip fits in it; its 16 KB is too small anyway.
    EXPECT_EQ(ESP_ERR_INVALID_SIZE, ovmsota_flash_erase_block("nvs", 0));
    EXPECT_EQ(ESP_OK, ovmsota_flash_erase_sector("nvs", 0x3000));
}

TEST_F(Flash, EraseRunningPastThePartitionEndIsInvalidSize)
{
    EXPECT_EQ(ESP_ERR_INVALID_SIZE, ovmsota_flash_erase_sector("otadata", 0x2000));
    EXPECT_EQ(ESP_ERR_INVALID_SIZE, ovmsota_flash_erase_block("ota_1", kOtaSize - OVMSOTA_SECTOR_SIZE));
    EXPECT_EQ(ESP_OK, ovmsota_flash_erase_block("ota_1", kOtaSize - OVMSOTA_BLOCK_SIZE));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_flash_erase_sector("otadata", 0x3000));
}

TEST_F(Flash, AccessOutsideThePartitionUsesEspIdfCodes)
{
    uint8_t buffer[16] = {0};
    // Past the end: offset beyond the size is INVALID_ARG, a range running over it INVALID_SIZE.
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_flash_read("ota_1", kOtaSize + 1, buffer, 1));
    EXPECT_EQ(ESP_ERR_INVALID_SIZE, ovmsota_flash_read("ota_1", kOtaSize, buffer, 1));
    EXPECT_EQ(ESP_ERR_INVALID_SIZE, ovmsota_flash_read("ota_1", kOtaSize - 8, buffer, 16));
    EXPECT_EQ(ESP_ERR_INVALID_SIZE, ovmsota_flash_write("ota_1", kOtaSize - 8, buffer, 16));
    EXPECT_EQ(ESP_OK, ovmsota_flash_read("ota_1", kOtaSize, buffer, 0));
    // Managed ints can be negative or overflow when added: refused before reaching ESP-IDF's size_t.
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_flash_read("ota_1", -1, buffer, 1));
    EXPECT_EQ(ESP_ERR_INVALID_SIZE, ovmsota_flash_read("ota_1", 0, buffer, -1));
    EXPECT_EQ(ESP_ERR_INVALID_SIZE, ovmsota_flash_write("ota_1", 16, buffer, INT32_MAX));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_flash_erase_sector("ota_1", -OVMSOTA_SECTOR_SIZE));
    EXPECT_EQ(0, fake_idf_counts().reads + fake_idf_counts().writes + fake_idf_counts().erases);
}

TEST_F(Flash, RefusedWriteAtAPartitionEndLeavesTheNeighbourUntouched)
{
    std::vector<uint8_t> zeros(32, 0);
    EXPECT_EQ(ESP_ERR_INVALID_SIZE, ovmsota_flash_write("ota_1", kOtaSize - 16, zeros.data(), 32));
    EXPECT_TRUE(all_erased(kOta1 + kOtaSize - 16, 32)) << "bytes written on either side of the boundary";
}

TEST_F(Flash, UnknownLabelIsNotFoundAndMissingPointersAreInvalidArg)
{
    uint8_t buffer[4];
    EXPECT_EQ(ESP_ERR_NOT_FOUND, ovmsota_flash_read("ota_7", 0, buffer, 4));
    EXPECT_EQ(ESP_ERR_NOT_FOUND, ovmsota_flash_erase_sector("deploy_0", 0));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_flash_read(nullptr, 0, buffer, 4));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_flash_read("store", 0, nullptr, 4));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_flash_write("store", 0, nullptr, 4));
}

TEST_F(Flash, TheRunningPartitionIsNeverWrittenOrErased)
{
    uint8_t zeros[4] = {0, 0, 0, 0};
    EXPECT_EQ(ESP_ERR_NOT_ALLOWED, ovmsota_flash_write("ota_0", 0, zeros, 4));
    EXPECT_EQ(ESP_ERR_NOT_ALLOWED, ovmsota_flash_erase_sector("ota_0", 0));
    EXPECT_EQ(ESP_ERR_NOT_ALLOWED, ovmsota_flash_erase_block("ota_0", 0));
    EXPECT_EQ(ESP_OK, ovmsota_flash_read("ota_0", 0, zeros, 4)) << "reading the running image is fine";
    EXPECT_EQ(0, fake_idf_counts().writes + fake_idf_counts().erases);

    fake_idf_set_running("ota_1");
    EXPECT_EQ(ESP_OK, ovmsota_flash_erase_sector("ota_0", 0));
    EXPECT_EQ(ESP_ERR_NOT_ALLOWED, ovmsota_flash_erase_sector("ota_1", 0));
}

TEST_F(Flash, ReadonlyPartitionRefusesWritesWithNotAllowed)
{
    fake_idf_set_readonly("nvs", true);
    uint8_t zeros[4] = {0, 0, 0, 0};
    EXPECT_EQ(ESP_ERR_NOT_ALLOWED, ovmsota_flash_write("nvs", 0, zeros, 4));
    EXPECT_EQ(ESP_ERR_NOT_ALLOWED, ovmsota_flash_erase_sector("nvs", 0));
}

TEST_F(Flash, PartitionEntriesAreByteIdenticalToGenEsp32partRecords)
{
    std::vector<uint8_t> table = read_file_bytes(shared_dir() + "/reference/vectors/ovms-partitions.bin");
    ASSERT_GE(table.size(), 7u * OVMSOTA_ENTRY_SIZE);
    for (int32_t i = 0; i < 6; i++) {
        uint8_t entry[OVMSOTA_ENTRY_SIZE];
        ASSERT_EQ(ESP_OK, ovmsota_partition_entry(i, entry, sizeof entry)) << "entry " << i;
        EXPECT_EQ(0, std::memcmp(entry, table.data() + i * OVMSOTA_ENTRY_SIZE, OVMSOTA_ENTRY_SIZE)) << "entry " << i;
    }
    uint8_t entry[OVMSOTA_ENTRY_SIZE];
    EXPECT_EQ(ESP_ERR_NOT_FOUND, ovmsota_partition_entry(6, entry, sizeof entry));
    EXPECT_EQ(ESP_ERR_NOT_FOUND, ovmsota_partition_entry(-1, entry, sizeof entry));
    EXPECT_EQ(ESP_ERR_INVALID_SIZE, ovmsota_partition_entry(0, entry, OVMSOTA_ENTRY_SIZE - 1));
    EXPECT_EQ(ESP_ERR_INVALID_ARG, ovmsota_partition_entry(0, nullptr, OVMSOTA_ENTRY_SIZE));
}

TEST_F(Flash, FlagsAndSixteenCharacterLabelsAreEncodedAsInTheTable)
{
    esp_partition_t p = {nullptr, ESP_PARTITION_TYPE_DATA, static_cast<esp_partition_subtype_t>(0x84), 0x610000, 0x280000,
                         0x1000, "sixteen_chars_xx", true, true};
    uint8_t record[OVMSOTA_ENTRY_SIZE];
    ovmsota_partition_record(&p, record);
    EXPECT_EQ(0, std::memcmp(record + 12, "sixteen_chars_xx", 16)) << "no NUL for a 16-character label";
    EXPECT_EQ(3, record[28]) << "bit 0 encrypted, bit 1 readonly";
    EXPECT_EQ(0x84, record[3]);
    EXPECT_EQ(0x61, record[6]);
    EXPECT_EQ(0x28, record[10]);
}

TEST_F(Flash, RunningPartitionEntryNamesTheSlotAndItsAddress)
{
    std::vector<uint8_t> table = read_file_bytes(shared_dir() + "/reference/vectors/ovms-partitions.bin");
    ASSERT_GE(table.size(), 6u * OVMSOTA_ENTRY_SIZE);
    uint8_t entry[OVMSOTA_ENTRY_SIZE];
    ASSERT_EQ(ESP_OK, ovmsota_running_partition_entry(entry, sizeof entry));
    EXPECT_EQ(0, std::memcmp(entry, table.data() + 3 * OVMSOTA_ENTRY_SIZE, OVMSOTA_ENTRY_SIZE)) << "ota_0 record";
    EXPECT_STREQ("ota_0", reinterpret_cast<const char *>(entry + 12));

    fake_idf_set_running("ota_1");
    ASSERT_EQ(ESP_OK, ovmsota_running_partition_entry(entry, sizeof entry));
    EXPECT_EQ(0, std::memcmp(entry, table.data() + 4 * OVMSOTA_ENTRY_SIZE, OVMSOTA_ENTRY_SIZE)) << "ota_1 record";

    fake_idf_set_running(nullptr);
    EXPECT_EQ(ESP_ERR_NOT_FOUND, ovmsota_running_partition_entry(entry, sizeof entry));
    EXPECT_EQ(ESP_ERR_INVALID_SIZE, ovmsota_running_partition_entry(entry, 31));
}

TEST_F(Flash, FindByLabelAndByType)
{
    const esp_partition_t *store = ovmsota_partition_by_label("store");
    ASSERT_NE(nullptr, store);
    EXPECT_EQ(kStore, store->address);
    const esp_partition_t *otadata = ovmsota_partition_by_type(ESP_PARTITION_TYPE_DATA, ESP_PARTITION_SUBTYPE_DATA_OTA);
    ASSERT_NE(nullptr, otadata);
    EXPECT_EQ(0xd000u, otadata->address);
    EXPECT_EQ(nullptr, ovmsota_partition_by_type(ESP_PARTITION_TYPE_DATA, OVMSOTA_SUBTYPE_DEPLOY));
    EXPECT_EQ(nullptr, ovmsota_partition_by_label(nullptr));
}

}  // namespace
