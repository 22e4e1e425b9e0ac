<?php
// For opcache.preload setups (a server not started as root): point opcache.preload at this file and
// set ffi.enable=preload. It loads the declarations and the library once, at server start, into the
// FFI scope "ZEGO_TOKEN", which the package finds with FFI::scope(). Servers started as root use
// ffi.preload=<package>/lib/zego_token_preload.h instead (see README.md): PHP refuses FFI::load
// together with opcache.preload_user.
FFI::load(__DIR__ . '/lib/zego_token_preload.h');
