'use strict';
// Loading libzego_token and declaring its C functions (include/zego_token.h) with koffi.
// Order: (1) ZEGO_TOKEN_LIB; (2) the platform package npm installed for this platform
// (@zego-token/<platform>, see lib/platform.js); (3) a library bundled in this package
// (prebuilds/<platform>-<arch>/, made by `npm run build` in a clone); (4) the system loader.
// The library's ABI version must equal ABI_VERSION.

const path = require('node:path');
const koffi = require('koffi');
const { PLATFORM_PACKAGES, platformKey } = require('./platform');

/** The C ABI version this package was written for (ZEGO_TOKEN_ABI_VERSION in the header). */
const ABI_VERSION = 1;

const FILE_NAME = { darwin: 'libzego_token.dylib', win32: 'zego_token.dll' }[process.platform] || 'libzego_token.so';
// What a runtime install may hold alone: the file named for the ABI version (the SONAME on Linux).
const VERSIONED_FILE_NAME =
  process.platform === 'win32'
    ? null
    : process.platform === 'darwin'
      ? `libzego_token.${ABI_VERSION}.dylib`
      : `libzego_token.so.${ABI_VERSION}`;

/** The folder of the platform package for this process, or null when it is not installed. */
function platformPackageDir(name) {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

function candidates() {
  const places = [];
  if (process.env.ZEGO_TOKEN_LIB) places.push(['ZEGO_TOKEN_LIB', process.env.ZEGO_TOKEN_LIB]);
  const platformPackage = PLATFORM_PACKAGES[platformKey()];
  const platformDir = platformPackage && platformPackageDir(platformPackage);
  if (platformDir) places.push([`the package ${platformPackage}`, path.join(platformDir, FILE_NAME)]);
  places.push(['bundled in the package', path.join(__dirname, '..', 'prebuilds', `${process.platform}-${process.arch}`, FILE_NAME)]);
  places.push(['system loader', FILE_NAME]);
  if (VERSIONED_FILE_NAME) places.push(['system loader', VERSIONED_FILE_NAME]);
  return places;
}

function load() {
  const tried = [];
  for (const [where, file] of candidates()) {
    let lib;
    try {
      lib = koffi.load(file);
    } catch (error) {
      tried.push(`${where} (${file}): ${error.message}`);
      if (where === 'ZEGO_TOKEN_LIB') break; // an explicit path that fails is an error, not a hint
      continue;
    }
    checkAbi(lib, file);
    return lib;
  }
  const key = platformKey();
  if (!PLATFORM_PACKAGES[key]) {
    throw new Error(
      `zego-token has no native library for this platform (${key}); packages exist for ` +
        `${Object.keys(PLATFORM_PACKAGES).join(', ')}. Build libzego_token from source and set ZEGO_TOKEN_LIB ` +
        `to its path (tried: ${tried.join('; ')})`
    );
  }
  throw new Error(
    `cannot load the zego-token native library; tried: ${tried.join('; ')}. ` +
      `Reinstall zego-token so that npm installs its optional dependency ${PLATFORM_PACKAGES[key]} ` +
      '(installs with --no-optional or --omit=optional leave it out), or set ZEGO_TOKEN_LIB to libzego_token\'s path.'
  );
}

function checkAbi(lib, file) {
  let found = null;
  try {
    found = lib.func('uint32_t zego_token_abi_version(void)')();
  } catch (_) {
    found = null;
  }
  if (found !== ABI_VERSION) {
    throw new Error(
      `${file} implements zego-token C ABI version ${found}, but this package needs version ${ABI_VERSION}: ` +
        'rebuild the library from the same zego-token release (cargo build --release) or reinstall the package'
    );
  }
}

const lib = load();

// Strings the library hands out (tokens, payloads, claims JSON) are declared as a koffi
// disposable type: koffi copies each into a JS string and then calls zego_string_free on it. (Copying
// them with koffi.decode instead leaks about 17 bytes of koffi's memory per call: measured, see
// test/memory.test.js.)
const stringFree = lib.func('void zego_string_free(void *)');
koffi.disposable('ZegoOwnedString', 'str', stringFree); // the type named by the declarations below

module.exports = {
  ABI_VERSION,
  koffi,
  generate: lib.func('int32_t zego_generate_token04(uint32_t, const char *, const char *, int64_t, const char *, _Out_ ZegoOwnedString *)'),
  roomPayload: lib.func('int32_t zego_rtc_room_payload(const char *, int32_t, int32_t, const char **, size_t, _Out_ ZegoOwnedString *)'),
  decode: lib.func('int32_t zego_decode_token04(const char *, const char *, _Out_ ZegoOwnedString *)'),
  errorMessage: lib.func('const char *zego_error_message(int32_t)'),
  version: lib.func('const char *zego_token_version(void)'),
  generatorNew: lib.func('int32_t zego_token_generator_new(uint32_t, const char *, _Out_ void **)'),
  generatorGenerate: lib.func('int32_t zego_token_generator_generate(void *, const char *, int64_t, const char *, _Out_ ZegoOwnedString *)'),
  // The fast path (index.js): the token written into a Buffer, its length into a typed array.
  generateInto: lib.func(
    'int32_t zego_generate_token04_into(uint32_t, const char *, size_t, const char *, size_t, int64_t, const char *, size_t, void *, size_t, void *)'
  ),
  generatorGenerateInto: lib.func(
    'int32_t zego_token_generator_generate_into(void *, const char *, size_t, int64_t, const char *, size_t, void *, size_t, void *)'
  ),
  generatorFree: lib.func('void zego_token_generator_free(void *)'),
  verifyOptionsNew: lib.func('int32_t zego_verify_options_new(_Out_ void **)'),
  verifyOptionsFree: lib.func('void zego_verify_options_free(void *)'),
  verifyOptionsSetNow: lib.func('int32_t zego_verify_options_set_now(void *, int64_t)'),
  verifyOptionsSetLeeway: lib.func('int32_t zego_verify_options_set_leeway(void *, int64_t)'),
  verifyOptionsSetRequireGcm: lib.func('int32_t zego_verify_options_set_require_gcm(void *, int32_t)'),
  verifyOptionsSetUserId: lib.func('int32_t zego_verify_options_set_user_id(void *, const char *)'),
  generatorDecode: lib.func('int32_t zego_token_generator_decode(void *, const char *, _Out_ void **)'),
  generatorVerify: lib.func('int32_t zego_token_generator_verify(void *, const char *, void *, _Out_ void **)'),
  verifyWithOptions: lib.func(
    'int32_t zego_verify_token04_with_options(const char *, const char **, size_t, uint32_t, void *, _Out_ void **, _Out_ size_t *)'
  ),
  claimsFree: lib.func('void zego_token_claims_free(void *)'),
  claimsToJson: lib.func('int32_t zego_token_claims_to_json(void *, _Out_ ZegoOwnedString *)'),
};
