"""The Telegram adapter: handlers, menus, the rate-limited sender, the webhook."""
