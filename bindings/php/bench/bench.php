<?php
// Tokens per second, single thread: zego-token (one-shot and reusable Generator) against a plain
// PHP implementation of the same format with openssl_encrypt('aes-256-gcm').
//   php bench/bench.php   (after composer dump-autoload and composer build-native)
require __DIR__ . '/../vendor/autoload.php';

const APP_ID = 1234567890;
const SECRET = '0123456789abcdef0123456789abcdef';
const USER_ID = 'user_123456';

/** The Token04 format in plain PHP (written here for comparison, not part of the package). */
function plainPhpToken04(int $appId, string $userId, string $secret, int $ttl, string $payload = ''): string
{
    $ctime = time();
    $nonce = unpack('l', random_bytes(4))[1];
    $plain = json_encode(['app_id' => $appId, 'user_id' => $userId, 'ctime' => $ctime, 'expire' => $ctime + $ttl,
        'nonce' => $nonce, 'payload' => $payload], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
    $iv = random_bytes(12);
    $cipher = openssl_encrypt($plain, 'aes-256-gcm', $secret, OPENSSL_RAW_DATA, $iv, $tag);
    $sealed = $cipher . $tag;
    return '04' . base64_encode(pack('J', $ctime + $ttl) . pack('n', 12) . $iv . pack('n', strlen($sealed)) . $sealed . "\x01");
}

function tokensPerSecond(callable $make, int $rounds = 7, int $n = 50000): float
{
    $best = INF;
    for ($r = 0; $r < $rounds; $r++) {
        $start = hrtime(true);
        for ($i = 0; $i < $n; $i++) {
            $make();
        }
        $best = min($best, (hrtime(true) - $start) / $n);
    }
    return 1e9 / $best;
}

if (ZegoToken\Token04::decode(plainPhpToken04(APP_ID, USER_ID, SECRET, 3600), SECRET)->userId !== USER_ID) {
    exit("bad baseline\n");
}
$g = new ZegoToken\Generator(APP_ID, SECRET);
$rows = [
    'plain PHP openssl_encrypt (aes-256-gcm)' => function () { plainPhpToken04(APP_ID, USER_ID, SECRET, 3600); },
    'ZegoToken\Token04::generate' => function () { ZegoToken\Token04::generate(APP_ID, USER_ID, SECRET, 3600); },
    'ZegoToken\Generator::generate' => function () use ($g) { $g->generate(USER_ID, 3600); },
];
printf("PHP %s, zego-token %s, single thread, best of 7 x 50,000\n", PHP_VERSION, ZegoToken\Token04::libraryVersion());
$base = null;
foreach ($rows as $name => $make) {
    $rate = tokensPerSecond($make);
    $base = $base ?? $rate;
    printf("%-42s %10s tokens/s %6.2f us/token %5.2fx\n", $name, number_format($rate), 1e6 / $rate, $rate / $base);
}
