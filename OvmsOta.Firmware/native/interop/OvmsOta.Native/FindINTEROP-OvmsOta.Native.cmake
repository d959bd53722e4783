#
# OvmsOta.Native interop library for the nf-interpreter build, in the layout of the metadata
# processor's FindINTEROP-<AssemblyName>.cmake. Place this file in the nf-interpreter's CMake/Modules/
# and list "OvmsOta.Native" in NF_INTEROP_ASSEMBLIES. Put in InteropAssemblies/OvmsOta.Native/:
# every file of OvmsOta.Firmware/native/interop/OvmsOta.Native/ (the glue) and of
# OvmsOta.Firmware/native/src/ (the C work functions it calls). Not built here: see ../../README.md.
#

# native code directory
set(BASE_PATH_FOR_THIS_MODULE ${PROJECT_SOURCE_DIR}/InteropAssemblies/OvmsOta.Native)


# set include directories
list(APPEND OvmsOta.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Core)
list(APPEND OvmsOta.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Include)
list(APPEND OvmsOta.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/HAL/Include)
list(APPEND OvmsOta.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/PAL/Include)
list(APPEND OvmsOta.Native_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE})
# The work functions include esp_partition.h, esp_ota_ops.h, esp_system.h, mbedtls/sha256.h, mbedtls/rsa.h and
# rom/miniz.h or, from ESP-IDF 5.3, miniz.h (esp_rom: the ROM's tinfl, no code of its own).
# ESP32_IDF_INCLUDE_DIRS holds esp_partition.h's folder; that it also holds app_update's and
# mbedtls's is assumed, not verified.
if(DEFINED ESP32_IDF_INCLUDE_DIRS)
    list(APPEND OvmsOta.Native_INCLUDE_DIRS ${ESP32_IDF_INCLUDE_DIRS})
endif()


# source files
set(OvmsOta.Native_SRCS

    OvmsOta_Native.cpp


    OvmsOta_Native_OvmsOta_Native_NativeChip_mshl.cpp
    OvmsOta_Native_OvmsOta_Native_NativeChip.cpp
    OvmsOta_Native_OvmsOta_Native_NativeFlash_mshl.cpp
    OvmsOta_Native_OvmsOta_Native_NativeFlash.cpp
    OvmsOta_Native_OvmsOta_Native_NativeHash_mshl.cpp
    OvmsOta_Native_OvmsOta_Native_NativeHash.cpp
    OvmsOta_Native_OvmsOta_Native_NativeInflate_mshl.cpp
    OvmsOta_Native_OvmsOta_Native_NativeInflate.cpp
    OvmsOta_Native_OvmsOta_Native_NativeSignature_mshl.cpp
    OvmsOta_Native_OvmsOta_Native_NativeSignature.cpp

    # C work functions (OvmsOta.Firmware/native/src), unit-tested on the host
    ovmsota_flash.c
    ovmsota_hash.c
    ovmsota_inflate.c
    ovmsota_rsa.c
    ovmsota_system.c

)

foreach(SRC_FILE ${OvmsOta.Native_SRCS})
    set(OvmsOta.Native_SRC_FILE SRC_FILE-NOTFOUND)
    find_file(OvmsOta.Native_SRC_FILE ${SRC_FILE}
        PATHS
            ${BASE_PATH_FOR_THIS_MODULE}
            ${TARGET_BASE_LOCATION}
            ${PROJECT_SOURCE_DIR}/src/OvmsOta.Native

        CMAKE_FIND_ROOT_PATH_BOTH
    )
    # message("${SRC_FILE} >> ${OvmsOta.Native_SRC_FILE}") # debug helper
    list(APPEND OvmsOta.Native_SOURCES ${OvmsOta.Native_SRC_FILE})
endforeach()

include(FindPackageHandleStandardArgs)

FIND_PACKAGE_HANDLE_STANDARD_ARGS(OvmsOta.Native DEFAULT_MSG OvmsOta.Native_INCLUDE_DIRS OvmsOta.Native_SOURCES)
