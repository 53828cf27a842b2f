package web

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
)

// guard refuses requests that a web page other than qfill's own could
// have sent, and sets the headers that keep the page out of frames.
//
// A page on another site can reach a server on loopback two ways: by
// DNS rebinding (its own host name made to resolve to 127.0.0.1, so the
// browser sends Host: evil.example) or by a cross-site form or fetch (the
// browser sends Origin: http://evil.example). Either way it could upload
// a checklist and read the vendor's answers back. So the Host must name
// this server (a loopback address, localhost, or the host of --addr),
// and an Origin, when present, must be the page's own. Scripts such as
// curl send no Origin and stay allowed.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Content-Security-Policy", "frame-ancestors 'none'")
		if !s.hostAllowed(r.Host) {
			refuse(w, fmt.Sprintf("refused: Host %q does not name this server (open it as http://127.0.0.1 or http://localhost)", r.Host))
			return
		}
		if o := r.Header.Get("Origin"); o != "" && !sameOrigin(o, r.Host) {
			refuse(w, fmt.Sprintf("refused: a request from %q, another site than this page", o))
			return
		}
		next.ServeHTTP(w, r)
	})
}

func refuse(w http.ResponseWriter, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusForbidden)
	fmt.Fprintln(w, msg)
}

// hostAllowed reports whether a Host header names this server.
func (s *Server) hostAllowed(hostport string) bool {
	host := hostOnly(hostport)
	if host == "" {
		return false
	}
	if host == "localhost" {
		return true
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return true
	}
	if s.Addr == "" {
		return false
	}
	listen := hostOnly(s.Addr)
	if listen != "" && host == listen {
		return true
	}
	if listen == "" || listen == "0.0.0.0" || listen == "::" {
		// Listening on every interface was asked for: any address of
		// this machine is fine (rebinding needs a name, never an IP
		// literal), and so is the machine's own name.
		if net.ParseIP(host) != nil {
			return true
		}
		if name, err := os.Hostname(); err == nil && strings.EqualFold(host, name) {
			return true
		}
	}
	return false
}

// hostOnly strips the port and IPv6 brackets from a host[:port].
func hostOnly(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		hostport = h
	}
	return strings.ToLower(strings.Trim(hostport, "[]"))
}

// sameOrigin reports whether an Origin header is the page's own: the
// same scheme-less host and port as the request (the server speaks plain
// HTTP on loopback).
func sameOrigin(origin, host string) bool {
	u, err := url.Parse(origin)
	if err != nil || u.Scheme != "http" {
		return false
	}
	return strings.EqualFold(u.Host, host)
}
