<?php

declare(strict_types=1);

namespace ZegoToken\Tests;

use PHPUnit\Framework\TestCase;

/** Where the library is loaded from when the package does not bundle it. */
final class LoadingTest extends TestCase
{
    private string $tmp;

    protected function setUp(): void
    {
        $this->tmp = sys_get_temp_dir() . '/zego-token-php-' . bin2hex(random_bytes(6));
        mkdir($this->tmp . '/package/src', 0777, true);
        mkdir($this->tmp . '/lib');
    }

    protected function tearDown(): void
    {
        exec('rm -rf ' . escapeshellarg($this->tmp));
    }

    public function testASystemLibraryInstalledUnderItsSonameOnlyIsLoaded(): void
    {
        if (PHP_OS_FAMILY !== 'Linux') {
            $this->markTestSkipped('the SONAME file name is Linux\'s');
        }
        // A runtime install has libzego_token.so.1 and no libzego_token.so link: a copy of the
        // package without its bundled lib/ must still find it through the system loader.
        $package = dirname(__DIR__);
        foreach (glob("$package/src/*") as $file) {
            exec('cp -r ' . escapeshellarg($file) . ' ' . escapeshellarg($this->tmp . '/package/src/'));
        }
        copy(dirname($package, 2) . '/target/release/libzego_token.so', $this->tmp . '/lib/libzego_token.so.1');
        $code = <<<'PHP'
            $src = $argv[1];
            spl_autoload_register(function ($class) use ($src) {
                $file = $src . '/' . str_replace('\\', '/', preg_replace('/^ZegoToken\\\\/', '', $class)) . '.php';
                if (is_file($file)) { require $file; }
            });
            echo ZegoToken\Token04::libraryVersion();
            PHP;
        $env = getenv();
        unset($env['ZEGO_TOKEN_LIB']);
        $env['LD_LIBRARY_PATH'] = $this->tmp . '/lib';
        $p = proc_open([PHP_BINARY, '-r', $code, $this->tmp . '/package/src'], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env);
        $out = stream_get_contents($pipes[1]);
        $err = stream_get_contents($pipes[2]);
        $this->assertSame(0, proc_close($p), $err);
        $manifest = json_decode((string) file_get_contents("$package/composer.json"), true);
        $this->assertSame($manifest['version'], $out);
    }
}
