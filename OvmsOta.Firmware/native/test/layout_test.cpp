// partitions/ovmsota-device16M.csv: gen_esp32part's rules that apply to it, and the slot/deploy
// pairing the work functions implement, over that table loaded into the fake.
#include <gtest/gtest.h>
#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "fake_idf.h"
#include "ovmsota_flash.h"
#include "shared_files.h"

namespace {

struct Row {
    std::string name;
    int type;
    int subtype;
    uint32_t offset;
    uint32_t size;
};

std::string trim(const std::string &s)
{
    size_t b = s.find_first_not_of(" \t\r");
    size_t e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

int subtype_value(int type, const std::string &word)
{
    static const std::map<std::string, int> app = {{"factory", 0x00}, {"ota_0", 0x10}, {"ota_1", 0x11}};
    static const std::map<std::string, int> data = {
        {"ota", 0x00}, {"phy", 0x01}, {"nvs", 0x02}, {"fat", 0x81}, {"spiffs", 0x82}, {"littlefs", 0x83}};
    const std::map<std::string, int> &words = type == 0 ? app : data;
    auto it = words.find(word);
    return it != words.end() ? it->second : static_cast<int>(std::stoul(word, nullptr, 0));
}

// The table's rows; explicit offsets and sizes only (the file promises that).
std::vector<Row> load_device_table()
{
    std::string path = repo_dir() + "/partitions/ovmsota-device16M.csv";
    std::ifstream in(path);
    EXPECT_TRUE(in.good()) << "cannot read " << path;
    std::vector<Row> rows;
    std::string line;
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.empty() || line[0] == '#') {
            continue;
        }
        std::vector<std::string> f;
        std::stringstream fields(line);
        std::string field;
        while (std::getline(fields, field, ',')) {
            f.push_back(trim(field));
        }
        EXPECT_EQ(5u, f.size()) << line;
        if (f.size() < 5) {
            continue;
        }
        int type = f[1] == "app" ? 0 : f[1] == "data" ? 1 : -1;
        EXPECT_NE(-1, type) << line;
        rows.push_back({f[0], type, subtype_value(type, f[2]), static_cast<uint32_t>(std::stoul(f[3], nullptr, 16)),
                        static_cast<uint32_t>(std::stoul(f[4], nullptr, 16))});
    }
    return rows;
}

const Row *find_row(const std::vector<Row> &rows, const std::string &name)
{
    for (const Row &r : rows) {
        if (r.name == name) {
            return &r;
        }
    }
    return nullptr;
}

TEST(DeviceLayout, FollowsGenEsp32partRulesAndFits16MB)
{
    std::vector<Row> rows = load_device_table();
    ASSERT_FALSE(rows.empty());
    uint32_t previous_end = 0x9000;  // the table occupies 0x8000..0x8fff
    std::vector<std::string> names;
    for (const Row &r : rows) {
        uint32_t align = r.type == 0 ? 0x10000 : 0x1000;
        EXPECT_EQ(0u, r.offset % align) << r.name << " offset 0x" << std::hex << r.offset;
        EXPECT_EQ(0u, r.size % 0x1000) << r.name << " size";
        EXPECT_GE(r.offset, previous_end) << r.name << " overlaps the previous partition";
        EXPECT_LE(r.name.size(), 16u) << r.name;
        previous_end = r.offset + r.size;
        names.push_back(r.name);
    }
    EXPECT_LE(previous_end, 0x1000000u) << "ends past 16 MB";
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names.end(), std::adjacent_find(names.begin(), names.end())) << "duplicate name";
}

TEST(DeviceLayout, KeepsTheOvmsFixedPointsTheBootloaderAndStoreUse)
{
    std::vector<Row> rows = load_device_table();
    const Row *otadata = find_row(rows, "otadata");
    const Row *ota0 = find_row(rows, "ota_0");
    const Row *store = find_row(rows, "store");
    ASSERT_TRUE(otadata && ota0 && store);
    EXPECT_EQ(0xd000u, otadata->offset);
    EXPECT_EQ(0x2000u, otadata->size);
    EXPECT_EQ(0x10000u, ota0->offset);
    EXPECT_EQ(0xe10000u, store->offset);
    EXPECT_EQ(0x1f0000u, store->size);
    EXPECT_EQ(nullptr, find_row(rows, "factory")) << "a factory app would win over blank otadata";
}

TEST(DeviceLayout, EveryOtaSlotHasItsDeployPartitionAndNanoFrameworkHasConfig)
{
    std::vector<Row> rows = load_device_table();
    int slots = 0;
    for (const Row &r : rows) {
        if (r.type != 0) {
            continue;
        }
        slots++;
        ASSERT_GE(r.subtype, 0x10) << r.name;
        const Row *deploy = find_row(rows, "deploy_" + std::to_string(r.subtype - 0x10));
        ASSERT_NE(nullptr, deploy) << "no deploy partition for " << r.name;
        EXPECT_EQ(1, deploy->type);
        EXPECT_EQ(OVMSOTA_SUBTYPE_DEPLOY, deploy->subtype);
        // The stock 16 MB ESP32 table maps a 0x2B0000 deploy partition whole; stay within that.
        EXPECT_LE(deploy->size, 0x2B0000u) << deploy->name;
    }
    EXPECT_EQ(2, slots);
    const Row *config = find_row(rows, "config");
    ASSERT_NE(nullptr, config);
    EXPECT_EQ(0x83, config->subtype) << "littlefs";
}

class DeviceFlash : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::vector<Row> rows = load_device_table();
        ASSERT_FALSE(rows.empty());
        std::vector<esp_partition_t> table;
        for (const Row &r : rows) {
            esp_partition_t p = {};
            p.type = static_cast<esp_partition_type_t>(r.type);
            p.subtype = static_cast<esp_partition_subtype_t>(r.subtype);
            p.address = r.offset;
            p.size = r.size;
            p.erase_size = 0x1000;
            std::strncpy(p.label, r.name.c_str(), 16);
            table.push_back(p);
        }
        fake_idf_load_table(table.data(), static_cast<int>(table.size()));
    }
};

TEST_F(DeviceFlash, EachSlotPairsWithItsOwnDeployPartition)
{
    const esp_partition_t *ota0 = ovmsota_partition_by_label("ota_0");
    const esp_partition_t *ota1 = ovmsota_partition_by_label("ota_1");
    ASSERT_TRUE(ota0 && ota1);
    EXPECT_EQ(ovmsota_partition_by_label("deploy_0"), ovmsota_paired_deploy(ota0));
    EXPECT_EQ(ovmsota_partition_by_label("deploy_1"), ovmsota_paired_deploy(ota1));
    EXPECT_EQ(nullptr, ovmsota_paired_deploy(ovmsota_partition_by_label("store"))) << "not an app";
}

TEST_F(DeviceFlash, TheRunningSlotsDeploymentIsProtectedAndTheOtherIsWritable)
{
    uint8_t zeros[8] = {0};
    fake_idf_set_running("ota_1");
    EXPECT_EQ(ESP_ERR_NOT_ALLOWED, ovmsota_flash_write("deploy_1", 0, zeros, 8));
    EXPECT_EQ(ESP_ERR_NOT_ALLOWED, ovmsota_flash_erase_block("deploy_1", 0));
    EXPECT_EQ(ESP_OK, ovmsota_flash_erase_block("deploy_0", 0));
    EXPECT_EQ(ESP_OK, ovmsota_flash_write("deploy_0", 0, zeros, 8));
    EXPECT_EQ(ESP_OK, ovmsota_flash_write("ota_0", 0, zeros, 8));

    fake_idf_set_running("ota_0");
    EXPECT_EQ(ESP_ERR_NOT_ALLOWED, ovmsota_flash_erase_sector("deploy_0", 0));
    EXPECT_EQ(ESP_OK, ovmsota_flash_erase_sector("deploy_1", 0));
}

TEST(Pairing, FactoryPairsWithTheStockDeployPartition)
{
    // Stock nanoFramework 16 MB ESP32 layout: factory + one deploy (0x84) + config.
    const esp_partition_t stock[] = {
        {nullptr, ESP_PARTITION_TYPE_APP, ESP_PARTITION_SUBTYPE_APP_FACTORY, 0x10000, 0x1D0000, 0x1000, "factory", false, false},
        {nullptr, ESP_PARTITION_TYPE_DATA, static_cast<esp_partition_subtype_t>(0x84), 0x1E0000, 0x2B0000, 0x1000, "deploy", false, false},
        {nullptr, ESP_PARTITION_TYPE_DATA, ESP_PARTITION_SUBTYPE_DATA_LITTLEFS, 0x490000, 0x300000, 0x1000, "config", false, false},
    };
    fake_idf_load_table(stock, 3);
    EXPECT_EQ(ovmsota_partition_by_label("deploy"), ovmsota_paired_deploy(ovmsota_partition_by_label("factory")));
}

}  // namespace
