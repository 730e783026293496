"""What goes on a one-page routine card, its QR codes, and printing it through Chromium."""
