// SHA-256 compression with the x86 SHA extensions (SHA-NI), for HWCCore.SHA256.
//
// Only the compression function and its round constants live here: padding, buffering and the
// portable fallback are Swift (HWCCore/SHA256.swift, SHA256+Compression.swift). Swift asks
// `hwc_sha256_has_extensions()` once and calls `hwc_sha256_compress_extensions` only when it
// returned 1.
#ifndef HWC_CSHA256_H
#define HWC_CSHA256_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The 64 round constants K0…K63 of FIPS 180-4 §4.2.2 (shared by the Swift portable engine).
const uint32_t *hwc_sha256_round_constants(void);

/// 1 when this CPU can run `hwc_sha256_compress_extensions` (x86-64 with the SHA extensions,
/// SSSE3 and SSE4.1, found by CPUID), otherwise 0. Always 0 on other architectures.
int hwc_sha256_has_extensions(void);

#if defined(__x86_64__)
/// Runs the SHA-256 compression function (FIPS 180-4 §6.2.2) over `blocks` consecutive 64-byte
/// blocks at `data` (any alignment), updating the eight chaining words `state` (H0 first, in host
/// order). Must only be called when `hwc_sha256_has_extensions()` returned 1.
void hwc_sha256_compress_extensions(uint32_t state[8], const void *data, size_t blocks);
#endif

#ifdef __cplusplus
}
#endif

#endif
