// The token endpoint customers write by hand today, written carefully: Go's net/http, the same
// JSON request and answer as zego-token-server, the token made with the standard library as ZEGO's
// official Go plug-in makes it (AES-256-GCM, its plaintext layout and envelope) minus its flaws: the
// cipher made once, crypto/rand for the nonces, the user id and lifetime checked, the body bounded,
// header and read timeouts set. No authentication, no rate limit, no metrics, no request log: it is
// the baseline that zego-token-server is compared with in api-key mode (benches/endpoint.rs).
//
// With -constant it is the floor of its own stack instead: every request's body read and one
// answer made at start (a real one, so the same size) sent back, no JSON parsed, no token made.
//
//	go build -o go-baseline . && ./go-baseline -listen 127.0.0.1:0 -app-id 1234567890 -secret-file secret
package main

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"time"
)

type tokenRequest struct {
	UserID     string   `json:"user_id"`
	RoomID     *string  `json:"room_id"`
	Privileges []string `json:"privileges"`
	StreamIDs  []string `json:"stream_ids"`
	TTL        *int64   `json:"ttl"`
}

type tokenResponse struct {
	Token     string `json:"token"`
	AppID     uint32 `json:"app_id"`
	UserID    string `json:"user_id"`
	ExpiresAt string `json:"expires_at"`
	Expire    int64  `json:"expire"`
}

// plaintext is the official Go generator's struct: its field order is the JSON key order.
type plaintext struct {
	AppID   uint32 `json:"app_id"`
	UserID  string `json:"user_id"`
	Ctime   int64  `json:"ctime"`
	Expire  int64  `json:"expire"`
	Nonce   int32  `json:"nonce"`
	Payload string `json:"payload"`
}

type rtcRoomPayload struct {
	RoomID       string      `json:"room_id"`
	Privilege    map[int]int `json:"privilege"`
	StreamIDList []string    `json:"stream_id_list"`
}

type endpoint struct {
	appID uint32
	aead  cipher.AEAD
}

func fail(w http.ResponseWriter, status int, reason string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"error":{"code":null,"reason":%q,"message":%q}}`, reason, reason)
}

func (e *endpoint) token(userID string, ttl int64, payload string) (string, int64, error) {
	var random [16]byte // 12 bytes of GCM nonce, 4 for the claims' nonce: one read
	if _, err := rand.Read(random[:]); err != nil {
		return "", 0, err
	}
	ctime := time.Now().Unix()
	expire := ctime + ttl
	text, err := json.Marshal(plaintext{e.appID, userID, ctime, expire, int32(binary.BigEndian.Uint32(random[12:])), payload})
	if err != nil {
		return "", 0, err
	}
	nonce := random[:12]
	sealedLen := len(text) + e.aead.Overhead()
	buf := make([]byte, 8+2+12+2, 8+2+12+2+sealedLen+1)
	binary.BigEndian.PutUint64(buf, uint64(expire))
	binary.BigEndian.PutUint16(buf[8:], 12)
	copy(buf[10:], nonce)
	binary.BigEndian.PutUint16(buf[22:], uint16(sealedLen))
	buf = e.aead.Seal(buf, nonce, text, nil)
	buf = append(buf, 1)
	return "04" + base64.StdEncoding.EncodeToString(buf), expire, nil
}

func (e *endpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/v1/token" {
		fail(w, http.StatusNotFound, "not_found")
		return
	}
	if r.Method != http.MethodPost {
		fail(w, http.StatusMethodNotAllowed, "method_not_allowed")
		return
	}
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		fail(w, http.StatusUnsupportedMediaType, "unsupported_media_type")
		return
	}
	decoder := json.NewDecoder(http.MaxBytesReader(w, r.Body, 16*1024))
	decoder.DisallowUnknownFields()
	var req tokenRequest
	if err := decoder.Decode(&req); err != nil {
		fail(w, http.StatusBadRequest, "invalid_request")
		return
	}
	if req.UserID == "" || len(req.UserID) > 64 {
		fail(w, http.StatusBadRequest, "user_id_invalid")
		return
	}
	ttl := int64(3600)
	if req.TTL != nil {
		ttl = *req.TTL
	}
	if ttl <= 0 || ttl > 86400 {
		fail(w, http.StatusBadRequest, "invalid_ttl")
		return
	}
	payload := ""
	if req.RoomID != nil {
		login, publish := 1, 0
		if req.Privileges != nil {
			login = 0
			for _, p := range req.Privileges {
				switch p {
				case "login":
					login = 1
				case "publish":
					publish = 1
				default:
					fail(w, http.StatusBadRequest, "invalid_request")
					return
				}
			}
		}
		if *req.RoomID == "" || len(*req.RoomID) > 128 {
			fail(w, http.StatusBadRequest, "invalid_room_id")
			return
		}
		text, err := json.Marshal(rtcRoomPayload{*req.RoomID, map[int]int{1: login, 2: publish}, req.StreamIDs})
		if err != nil {
			fail(w, http.StatusInternalServerError, "internal_error")
			return
		}
		payload = string(text)
	}
	token, expire, err := e.token(req.UserID, ttl, payload)
	if err != nil {
		fail(w, http.StatusInternalServerError, "internal_error")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(tokenResponse{token, e.appID, req.UserID, time.Unix(expire, 0).UTC().Format(time.RFC3339), expire})
}

// constant answers every request with the same bytes: net/http and the kernel, nothing else.
type constant struct{ answer []byte }

func (c constant) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if _, err := io.Copy(io.Discard, http.MaxBytesReader(w, r.Body, 16*1024)); err != nil {
		fail(w, http.StatusBadRequest, "invalid_request")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(c.answer)
}

func main() {
	listen := flag.String("listen", "127.0.0.1:8080", "address")
	constantAnswer := flag.Bool("constant", false, "answer every request with one answer made at start")
	appID := flag.Uint("app-id", 0, "ZEGO app id")
	secretFile := flag.String("secret-file", "", "file holding the 32-byte ServerSecret")
	flag.Parse()
	secret, err := os.ReadFile(*secretFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	block, err := aes.NewCipher([]byte(strings.TrimRight(string(secret), "\r\n")))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	aead, _ := cipher.NewGCM(block)
	listener, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "{\"message\":\"listening\",\"address\":\"%s\"}\n", listener.Addr())
	var handler http.Handler = &endpoint{uint32(*appID), aead}
	if *constantAnswer {
		recorder := httptest.NewRecorder()
		request := httptest.NewRequest(http.MethodPost, "/v1/token", strings.NewReader(`{"user_id":"user-1","room_id":"room-1"}`))
		request.Header.Set("Content-Type", "application/json")
		handler.ServeHTTP(recorder, request)
		handler = constant{recorder.Body.Bytes()}
	}
	server := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	if err := server.Serve(listener); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
