'use strict';
// Which platform package (an optional dependency, installed by npm only where its os, cpu and libc
// match) carries the native library for this process. scripts/dist publishes one per target.

/** The platform packages that exist, by this module's platform key. */
const PLATFORM_PACKAGES = {
  'linux-x64-gnu': '@zego-token/linux-x64-gnu',
  'linux-arm64-gnu': '@zego-token/linux-arm64-gnu',
  'linux-x64-musl': '@zego-token/linux-x64-musl',
  'linux-arm64-musl': '@zego-token/linux-arm64-musl',
  'darwin-x64': '@zego-token/darwin-x64',
  'darwin-arm64': '@zego-token/darwin-arm64',
  'win32-x64': '@zego-token/win32-x64',
};

/** glibc reports its version in the process report; musl (Alpine) does not. */
function libc() {
  const header = process.report && typeof process.report.getReport === 'function' ? process.report.getReport().header : {};
  return header && header.glibcVersionRuntime ? 'gnu' : 'musl';
}

/** This process's platform key, such as "linux-x64-gnu" or "darwin-arm64". */
function platformKey() {
  const key = `${process.platform}-${process.arch}`;
  return process.platform === 'linux' ? `${key}-${libc()}` : key;
}

module.exports = { PLATFORM_PACKAGES, platformKey };
