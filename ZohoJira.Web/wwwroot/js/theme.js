// Remembers the light or dark choice for a year; the server reads the cookie when it prerenders the next page.
export function rememberTheme(name, value) {
    const secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
}
