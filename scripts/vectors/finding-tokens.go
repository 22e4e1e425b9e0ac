// Writes tests/vectors/finding-tokens.jsonl: tokens whose claims break a generation rule, made the
// way ZEGO's official generators make them (their plaintext layout, nonce/IV alphabet, cipher and
// envelope), for the values those generators let through: user ids of 65 and 200 characters (no
// official generator checks the length but Node's and Java's) and an empty one (one official .NET
// version). The official set in official-tokens.jsonl has none of these. Only Go's standard library;
// a fixed seed makes the file the same on every run:
//
//	go run scripts/vectors/finding-tokens.go > tests/vectors/finding-tokens.jsonl
package main

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"strings"
)

const secret = "0123456789abcdef0123456789abcdef"
const appID = 1234567890
const ctime = 1795349584
const ttl = 3600

var rng = rand.New(rand.NewSource(20261206))

// goPlaintext is the official Go generator's struct: its field order is the JSON key order.
type goPlaintext struct {
	AppID   uint32 `json:"app_id"`
	UserID  string `json:"user_id"`
	Ctime   int64  `json:"ctime"`
	Expire  int64  `json:"expire"`
	Nonce   int32  `json:"nonce"`
	Payload string `json:"payload"`
}

// pythonPlaintext writes the key order of the official Python, Node.js, PHP 5.6 and C++ generators.
func pythonPlaintext(p goPlaintext) []byte {
	user, _ := json.Marshal(p.UserID)
	payload, _ := json.Marshal(p.Payload)
	return []byte(fmt.Sprintf(`{"app_id":%d,"user_id":%s,"nonce":%d,"ctime":%d,"expire":%d,"payload":%s}`,
		p.AppID, user, p.Nonce, p.Ctime, p.Expire, payload))
}

func alnum(n int) []byte {
	const letters = "0123456789abcdefghijklmnopqrstuvwxyz"
	out := make([]byte, n)
	for i := range out {
		out[i] = letters[rng.Intn(len(letters))]
	}
	return out
}

func envelope(expire int64, nonce, ciphertext []byte, mode []byte) string {
	var b bytes.Buffer
	binary.Write(&b, binary.BigEndian, expire)
	binary.Write(&b, binary.BigEndian, uint16(len(nonce)))
	b.Write(nonce)
	binary.Write(&b, binary.BigEndian, uint16(len(ciphertext)))
	b.Write(ciphertext)
	b.Write(mode)
	return "04" + base64.StdEncoding.EncodeToString(b.Bytes())
}

func gcm(plaintext []byte, expire int64) string {
	block, _ := aes.NewCipher([]byte(secret))
	aead, _ := cipher.NewGCM(block)
	nonce := make([]byte, 12)
	rng.Read(nonce)
	return envelope(expire, nonce, aead.Seal(nil, nonce, plaintext, nil), []byte{1})
}

func cbc(plaintext []byte, expire int64) string {
	block, _ := aes.NewCipher([]byte(secret))
	iv := alnum(16)
	pad := aes.BlockSize - len(plaintext)%aes.BlockSize
	padded := append(append([]byte{}, plaintext...), bytes.Repeat([]byte{byte(pad)}, pad)...)
	out := make([]byte, len(padded))
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, padded)
	return envelope(expire, iv, out, nil)
}

func main() {
	cases := []struct {
		name, madeLike, format string
		userID                 string
		findings               []string
	}{
		{"a 65-character user id, current format", "go-gcm", "gcm", strings.Repeat("u", 65), []string{"user_id_too_long"}},
		{"a 200-character user id, current format", "go-gcm", "gcm", strings.Repeat("x", 200), []string{"user_id_too_long"}},
		{"an empty user id, current format", "go-gcm", "gcm", "", []string{"user_id_empty"}},
		{"a 65-character user id, legacy format", "go-cbc", "cbc", strings.Repeat("u", 65), []string{"user_id_too_long"}},
		{"a 200-character user id, legacy format", "python-cbc", "cbc", strings.Repeat("x", 200), []string{"user_id_too_long"}},
		{"an empty user id, legacy format", "python-cbc", "cbc", "", []string{"user_id_empty"}},
	}
	enc := json.NewEncoder(os.Stdout)
	for _, c := range cases {
		p := goPlaintext{AppID: appID, UserID: c.userID, Ctime: ctime, Expire: ctime + ttl, Nonce: rng.Int31(), Payload: ""}
		plaintext, _ := json.Marshal(p)
		if c.madeLike == "python-cbc" {
			plaintext = pythonPlaintext(p)
		}
		var token string
		verifyCode := 0
		if c.format == "gcm" {
			token = gcm(plaintext, p.Expire)
		} else {
			token = cbc(plaintext, p.Expire)
			verifyCode = 24 // unauthenticated claims that break a rule: a sign of tampering
		}
		enc.Encode(map[string]any{
			"name": c.name, "made_like": c.madeLike, "format": c.format, "secret": secret, "token": token,
			"claims": map[string]any{"app_id": p.AppID, "user_id": p.UserID, "ctime": p.Ctime,
				"expire": p.Expire, "nonce": p.Nonce, "payload": p.Payload},
			"findings": c.findings, "app_id": appID, "now": ctime + 60, "verify_code": verifyCode,
		})
	}
}
