package main

import "fmt"

// pauseForReader keeps a console window open until Enter is pressed, so
// that a user who dropped a checklist onto qfill.exe in Explorer can read
// the summary: Windows closes a console the moment its only process ends.
// It does nothing when qfill shares the console with a shell.
func pauseForReader(io *iostreams) {
	if io.ownsConsole == nil || !io.ownsConsole() {
		return
	}
	msg := "Press Enter to close this window."
	if io.ja {
		msg = "Enter キーを押すとこのウィンドウを閉じます。"
	}
	fmt.Fprintln(io.ErrOut, msg)
	// Byte by byte: whatever follows the line stays unread.
	var b [1]byte
	for {
		if n, err := io.In.Read(b[:]); err != nil || (n == 1 && b[0] == '\n') {
			return
		}
	}
}
