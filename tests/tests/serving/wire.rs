//! A minimal HTTP/1.1 client over a `TcpStream`: it sends exactly the bytes a test asks
//! for (any header value, valid UTF-8 or not) and parses the response with httparse.

use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// A response as it came off the socket.
#[derive(Debug)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Every header, names lowercased, in order.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The body.
    pub body: String,
}

impl Response {
    /// The value of the one header called `name`; panics if there are none or several.
    pub fn header(&self, name: &str) -> &str {
        let values: Vec<&[u8]> = self
            .headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_slice())
            .collect();
        assert_eq!(values.len(), 1, "{name} in {:?}", self.headers);
        std::str::from_utf8(values[0]).expect("a visible ASCII header value")
    }
}

/// A `GET` of `path`, without a body, with `headers`: see [`request`].
pub fn get(addr: SocketAddr, path: &str, headers: &[(&str, &[u8])]) -> Response {
    request(addr, "GET", path, headers, b"")
}

/// Sends one request on a fresh connection (`Connection: close`) and reads the response.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &[u8])],
    body: &[u8],
) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    stream
        .set_write_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    let mut out = Vec::new();
    out.extend_from_slice(format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\n").as_bytes());
    out.extend_from_slice(b"Connection: close\r\n");
    out.extend_from_slice(format!("Content-Length: {}\r\n", body.len()).as_bytes());
    for (name, value) in headers {
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    stream.write_all(&out).expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("receive");

    let mut parsed_headers = [httparse::EMPTY_HEADER; 32];
    let mut response = httparse::Response::new(&mut parsed_headers);
    let httparse::Status::Complete(head_len) = response.parse(&raw).expect("an HTTP response")
    else {
        panic!("incomplete response: {:?}", String::from_utf8_lossy(&raw));
    };
    let status = response.code.expect("a status");
    let headers: Vec<(String, Vec<u8>)> = response
        .headers
        .iter()
        .map(|h| (h.name.to_ascii_lowercase(), h.value.to_vec()))
        .collect();
    let rest = &raw[head_len..];
    let body = if headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.eq_ignore_ascii_case(b"chunked"))
    {
        dechunk(rest)
    } else {
        let length: usize = headers
            .iter()
            .find(|(n, _)| n == "content-length")
            .map_or(rest.len(), |(_, v)| {
                std::str::from_utf8(v).unwrap().parse().unwrap()
            });
        rest[..length].to_vec()
    };
    Response {
        status,
        headers,
        body: String::from_utf8(body).expect("a UTF-8 body"),
    }
}

/// The payload of a chunked body.
fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    loop {
        let line_end = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("a chunk size line");
        let size_text = std::str::from_utf8(&rest[..line_end]).unwrap();
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).unwrap();
        rest = &rest[line_end + 2..];
        if size == 0 {
            return body;
        }
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}
