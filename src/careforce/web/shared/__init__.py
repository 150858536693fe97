"""What every app of the web service shares: the Jinja2 environment with the GOV.UK Frontend
macros, the page layout and branding, component helpers, access decorators, security headers."""
