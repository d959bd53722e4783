// Stand-in for the few nanoCLR interop declarations the OvmsOta.Native glue uses, so the host build
// can type-check the glue's calls into the work functions. NOT nanoCLR's header: the glue is never
// linked or run here, and agreement with the real nanoCLR API is not checked by this.
#pragma once
#include <cstdint>
#include <cstddef>

typedef int32_t HRESULT;
// CLR_E_* values below are arbitrary negatives, not nanoCLR's.
#define S_OK ((HRESULT)0)
#define FAILED(hr) ((HRESULT)(hr) < 0)
#define CLR_E_FAIL ((HRESULT)0xFF000000)
#define CLR_E_INVALID_PARAMETER ((HRESULT)0xFD000000)
#define CLR_E_INDEX_OUT_OF_RANGE ((HRESULT)0xF9000000)
#define CLR_E_OUT_OF_MEMORY ((HRESULT)0xFA000000)
#define CLR_E_INVALID_OPERATION ((HRESULT)0xF8000000)
#define CLR_E_NOT_SUPPORTED ((HRESULT)0xF7000000)
#define CLR_E_TIMEOUT ((HRESULT)0xF6000000)
#define CLR_E_IO ((HRESULT)0xF5000000)

struct CLR_RT_StackFrame {};
typedef HRESULT (*CLR_RT_MethodHandler)(CLR_RT_StackFrame &stack);
struct CLR_RT_NativeAssemblyData {
    const char *m_szAssemblyName;
    uint32_t m_checkSum;
    const CLR_RT_MethodHandler *m_pNativeMethods;
    struct { uint16_t a, b, c, d; } m_Version;
};

template <typename T> class CLR_RT_TypedArray {
public:
    T *GetBuffer() { return m_pData; }
    unsigned int GetSize() const { return m_ElemCount; }
private:
    T *m_pData = nullptr;
    unsigned int m_ElemCount = 0;
};
typedef CLR_RT_TypedArray<uint8_t> CLR_RT_TypedArray_UINT8;
typedef CLR_RT_TypedArray<signed int> CLR_RT_TypedArray_INT32;

#define NANOCLR_NATIVE_DECLARE(name) static HRESULT name(CLR_RT_StackFrame &stack)
#define NANOCLR_HEADER() HRESULT hr
#define NANOCLR_CHECK_HRESULT(expr) do { if (FAILED(hr = (expr))) goto nanoCLR_Cleanup; } while (0)
#define NANOCLR_NOCLEANUP() hr = S_OK; nanoCLR_Cleanup: return hr

HRESULT Interop_Marshal_INT32(const CLR_RT_StackFrame &stack, unsigned int index, signed int &param);
HRESULT Interop_Marshal_LPCSTR(const CLR_RT_StackFrame &stack, unsigned int index, const char *&param);
HRESULT Interop_Marshal_UINT8_ARRAY(const CLR_RT_StackFrame &stack, unsigned int index, CLR_RT_TypedArray_UINT8 &array);
HRESULT Interop_Marshal_INT32_ARRAY(const CLR_RT_StackFrame &stack, unsigned int index, CLR_RT_TypedArray_INT32 &array);
void SetResult_INT32(CLR_RT_StackFrame &stack, signed int value);
