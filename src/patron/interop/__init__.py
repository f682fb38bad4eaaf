"""Exchange formats shared with other tools (FollowTheMoney)."""
