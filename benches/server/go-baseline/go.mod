module zego-token/benches/server/go-baseline

go 1.21
