//! The client's address: the peer's, or, when the peer is a configured proxy, the nearest address
//! in `X-Forwarded-For` that is not a configured proxy (addresses a client wrote there itself are
//! further left and never believed).

use axum::http::HeaderMap;
use ipnet::IpNet;
use std::net::IpAddr;

pub fn client_addr(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let mut nearest = peer;
    for value in headers.get_all("x-forwarded-for").iter().rev() {
        let Ok(text) = value.to_str() else { return nearest };
        for hop in text.split(',').rev() {
            let Ok(ip) = hop.trim().parse::<IpAddr>() else {
                return nearest;
            };
            if !is_trusted(&ip) {
                return ip;
            }
            nearest = ip;
        }
    }
    nearest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(xff: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", xff.parse().unwrap());
        h
    }

    #[test]
    fn a_direct_client_is_its_peer_address_whatever_it_claims() {
        let peer: IpAddr = "203.0.113.9".parse().unwrap();
        assert_eq!(
            client_addr(peer, &headers("1.2.3.4"), &["10.0.0.0/8".parse().unwrap()]),
            peer
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_nearest_untrusted_hop_is_the_client() {
        let trusted = ["10.0.0.0/8".parse().unwrap()];
        let got = client_addr(
            "10.0.0.2".parse().unwrap(),
            &headers("6.6.6.6, 198.51.100.7, 10.0.0.1"),
            &trusted,
        );
        assert_eq!(got, "198.51.100.7".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn a_garbled_header_stops_at_the_last_trusted_hop() {
        let trusted = ["10.0.0.0/8".parse().unwrap()];
        let got = client_addr("10.0.0.2".parse().unwrap(), &headers("nonsense, 10.0.0.1"), &trusted);
        assert_eq!(got, "10.0.0.1".parse::<IpAddr>().unwrap());
    }
}
