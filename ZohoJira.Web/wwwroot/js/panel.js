// The reader's time zone (an IANA id such as "Europe/Berlin"), so the panel shows Zoho's dates in it.
export function timeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
