<?php

declare(strict_types=1);

namespace ZegoToken\Tests;

use PHPUnit\Framework\TestCase;

/**
 * PHP has no threads by default: several PHP processes generate at once (as PHP-FPM workers do),
 * and the preloaded-FFI path (ffi.preload + FFI::scope, for production servers) is exercised too.
 */
final class ProcessesTest extends TestCase
{
    private const WORKER = <<<'PHP'
        require $argv[1];
        $g = new ZegoToken\Generator(1234567890, '0123456789abcdef0123456789abcdef');
        for ($i = 0; $i < 2000; $i++) {
            $t = $i % 2 ? $g->generate('u', 60) : ZegoToken\Token04::generate(1234567890, 'u', '0123456789abcdef0123456789abcdef', 60);
            echo bin2hex(substr(base64_decode(substr($t, 2)), 10, 12)), "\n";
        }
        PHP;

    /** @return string[] the lines the process printed */
    private static function runPhp(array $iniArgs, string $code): array
    {
        $autoload = dirname(__DIR__) . '/vendor/autoload.php';
        $cmd = array_merge([PHP_BINARY], $iniArgs, ['-r', $code, $autoload]);
        $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $out = stream_get_contents($pipes[1]);
        $err = stream_get_contents($pipes[2]);
        $status = proc_close($p);
        if ($status !== 0) {
            throw new \RuntimeException("worker failed ($status): $err");
        }
        return array_values(array_filter(explode("\n", $out)));
    }

    public function testProcessesGeneratingAtOnceShareNoNonce(): void
    {
        $autoload = dirname(__DIR__) . '/vendor/autoload.php';
        $procs = [];
        for ($i = 0; $i < 4; $i++) {
            $procs[] = proc_open([PHP_BINARY, '-r', self::WORKER, $autoload], [1 => ['pipe', 'w']], $pipes);
            $outputs[] = $pipes[1];
        }
        $nonces = [];
        foreach ($outputs as $i => $pipe) {
            $nonces = array_merge($nonces, array_filter(explode("\n", stream_get_contents($pipe))));
            $this->assertSame(0, proc_close($procs[$i]));
        }
        $this->assertCount(8000, $nonces);
        $this->assertCount(8000, array_unique($nonces));
    }

    public function testThePreloadedFfiScopeIsUsed(): void
    {
        $header = dirname(__DIR__) . '/lib/zego_token_preload.h';
        $this->assertFileExists($header, 'run `composer build-native` first');
        $code = 'require $argv[1]; $s = FFI::scope("ZEGO_TOKEN"); '
            . '$t = ZegoToken\Token04::generate(7, "preloaded", "0123456789abcdef0123456789abcdef"); '
            . 'echo ZegoToken\Token04::decode($t, "0123456789abcdef0123456789abcdef")->userId, "\n";';
        // ffi.enable=preload forbids FFI::cdef at run time: this passes only through FFI::scope.
        $lines = self::runPhp(['-d', "ffi.preload=$header", '-d', 'ffi.enable=preload'], $code);
        $this->assertSame(['preloaded'], $lines);
    }

    public function testTheOpcachePreloadScriptFillsTheScope(): void
    {
        $root = dirname(__DIR__);
        $prefix = [];
        // PHP refuses FFI::load during opcache preloading as root (it wants opcache.preload_user,
        // which FFI::load rejects), as a PHP-FPM master started as root would: run as nobody.
        if (function_exists('posix_geteuid') && posix_geteuid() === 0) {
            exec('command -v runuser', $found, $status);
            exec('runuser -u nobody -- test -r ' . escapeshellarg("$root/vendor/autoload.php"), $ignored, $readable);
            if ($status !== 0 || $readable !== 0) {
                $this->markTestSkipped('running as root without runuser, or the checkout is not readable by nobody');
            }
            $prefix = ['runuser', '-u', 'nobody', '--'];
        }
        $code = 'FFI::scope("ZEGO_TOKEN"); require $argv[1]; '
            . 'echo ZegoToken\Token04::decode(ZegoToken\Token04::generate(7, "opcache", "0123456789abcdef0123456789abcdef"), '
            . '"0123456789abcdef0123456789abcdef")->userId, "\n";';
        $cmd = array_merge($prefix, [PHP_BINARY, '-d', 'opcache.enable_cli=1', '-d', "opcache.preload=$root/preload.php",
            '-d', 'ffi.enable=preload', '-r', $code, "$root/vendor/autoload.php"]);
        $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $out = stream_get_contents($pipes[1]);
        $err = stream_get_contents($pipes[2]);
        $this->assertSame(0, proc_close($p), $err);
        $this->assertSame("opcache\n", $out);
    }
}
