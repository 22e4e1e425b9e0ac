//go:build cgo && !zego_token_shared && !(linux && amd64) && !(linux && arm64) && !(darwin && amd64) && !(darwin && arm64) && !(windows && amd64)

package zegotoken

// The module carries prebuilt static libraries for linux, darwin and windows on amd64 and arm64
// (windows: amd64). Elsewhere, build libzego_token from source and link it with -tags
// zego_token_shared (see link_shared.go); the build stops here with this name in the error:
var _ = zegotoken_has_no_prebuilt_library_for_this_GOOS_GOARCH__build_libzego_token_and_use_tags_zego_token_shared
