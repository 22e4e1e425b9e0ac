// Command bench compares zego-token's Go binding with careful hand-written Go making the same
// Token04 (crypto/aes + cipher.NewGCM, one crypto/rand read per token), side by side in one
// process: every round runs each implementation for n tokens in turn, and the figure is the
// median round.
//
//	go run ./bench            (from bindings/go; -rounds, -n to change the defaults)
package main

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
	"time"

	"github.com/zego-token/zegotoken"
)

const (
	appID  = 1234567890
	secret = "0123456789abcdef0123456789abcdef"
	userID = "user_123456"
)

// handGenerator is the baseline: what a careful Go developer writes for Token04, keeping the
// AEAD for many tokens (reusable) or building it per token (one-shot).
type handGenerator struct {
	appID uint32
	aead  cipher.AEAD
}

func newHandGenerator(appID uint32, secret string) (*handGenerator, error) {
	block, err := aes.NewCipher([]byte(secret))
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &handGenerator{appID: appID, aead: aead}, nil
}

func handOneShot(appID uint32, userID, secret string, ttl int64, payload string) (string, error) {
	g, err := newHandGenerator(appID, secret)
	if err != nil {
		return "", err
	}
	return g.generate(userID, ttl, payload)
}

func (g *handGenerator) generate(userID string, ttl int64, payload string) (string, error) {
	var random [16]byte // the GCM nonce (12) and the claims' nonce (4), in one read
	if _, err := rand.Read(random[:]); err != nil {
		return "", err
	}
	ctime := time.Now().Unix()
	expire := ctime + ttl
	plain := make([]byte, 0, 96+len(userID)+2*len(payload))
	plain = append(plain, `{"app_id":`...)
	plain = strconv.AppendUint(plain, uint64(g.appID), 10)
	plain = append(plain, `,"user_id":`...)
	plain = appendJSONString(plain, userID)
	plain = append(plain, `,"ctime":`...)
	plain = strconv.AppendInt(plain, ctime, 10)
	plain = append(plain, `,"expire":`...)
	plain = strconv.AppendInt(plain, expire, 10)
	plain = append(plain, `,"nonce":`...)
	plain = strconv.AppendInt(plain, int64(int32(binary.BigEndian.Uint32(random[12:]))), 10)
	plain = append(plain, `,"payload":`...)
	plain = appendJSONString(plain, payload)
	plain = append(plain, '}')

	envelope := make([]byte, 24, 24+len(plain)+g.aead.Overhead()+1)
	binary.BigEndian.PutUint64(envelope, uint64(expire))
	binary.BigEndian.PutUint16(envelope[8:], 12)
	copy(envelope[10:22], random[:12])
	binary.BigEndian.PutUint16(envelope[22:], uint16(len(plain)+g.aead.Overhead()))
	envelope = g.aead.Seal(envelope, random[:12], plain, nil)
	envelope = append(envelope, 1)

	out := make([]byte, 2+base64.StdEncoding.EncodedLen(len(envelope)))
	copy(out, "04")
	base64.StdEncoding.Encode(out[2:], envelope)
	return string(out), nil
}

// appendJSONString appends s as a JSON string literal (quotes, backslashes and control
// characters escaped).
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

func main() {
	rounds := flag.Int("rounds", 21, "interleaved rounds")
	n := flag.Int("n", 20000, "tokens per implementation per round")
	flag.Parse()

	room, err := zegotoken.RtcRoomPayload{RoomID: "room-1", CanLogin: true, CanPublish: true}.JSON()
	check(err)
	hand, err := newHandGenerator(appID, secret)
	check(err)
	gen, err := zegotoken.NewGenerator(appID, secret)
	check(err)
	defer gen.Close()

	// The baseline makes real tokens: the library reads them back.
	for _, payload := range []string{"", room} {
		token, err := hand.generate(userID, 3600, payload)
		check(err)
		claims, err := zegotoken.Decode(token, secret)
		check(err)
		if claims.UserID != userID || claims.Payload != payload {
			check(fmt.Errorf("the baseline's token decodes to %+v", claims))
		}
	}

	fmt.Printf("Go %s %s/%s, zego-token %s; median of %d interleaved rounds of %d tokens\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, zegotoken.LibraryVersion(), *rounds, *n)
	fmt.Printf("%-9s %-46s %12s %9s %8s\n", "payload", "implementation", "tokens/s", "us/token", "speed-up")
	for _, p := range []struct{ name, json string }{{"empty", ""}, {"privilege", room}} {
		payload := p.json
		impls := []struct {
			name string
			make func() (string, error)
		}{
			{"hand-written, one-shot (new AEAD per token)", func() (string, error) { return handOneShot(appID, userID, secret, 3600, payload) }},
			{"zegotoken.Generate (one-shot)", func() (string, error) { return zegotoken.Generate(appID, userID, secret, 3600, payload) }},
			{"hand-written, AEAD kept", func() (string, error) { return hand.generate(userID, 3600, payload) }},
			{"Generator.Generate (reusable)", func() (string, error) { return gen.Generate(userID, 3600, payload) }},
		}
		samples := make([][]float64, len(impls))
		for r := 0; r < *rounds; r++ {
			for i, impl := range impls {
				start := time.Now()
				for k := 0; k < *n; k++ {
					if _, err := impl.make(); err != nil {
						check(err)
					}
				}
				samples[i] = append(samples[i], float64(time.Since(start).Nanoseconds())/float64(*n))
			}
		}
		for i, impl := range impls {
			ns := median(samples[i])
			base := median(samples[i&^1]) // one-shot against one-shot, reusable against reusable
			fmt.Printf("%-9s %-46s %12.0f %9.3f %7.2fx\n", p.name, impl.name, 1e9/ns, ns/1000, base/ns)
		}
	}
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}
