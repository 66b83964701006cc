package io.calicogitops.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in text that may reach a message, a log or a stored record: the known secrets given, then
 * bearer tokens, JWTs, the {@code user:password@} part of URLs and every query value of a URL. Query values are
 * masked whatever their key: {@code access_token}, {@code token} and {@code private_token} are the common ones (GitHub,
 * GitLab, webhooks), but a list of names would always miss one, and a message loses nothing that helps by hiding them.
 */
public final class SecretMask {

    /** What replaces a secret. */
    public static final String MASK = "[redacted]";

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s'\"<>()\\[\\]]+");
    private static final Pattern USERINFO = Pattern.compile("^([^:]+://)[^/@?#]+@");
    private static final Pattern QUERY_VALUE = Pattern.compile("([?&][^=&#]*=)[^&#]+");

    private final List<String> secrets;

    private SecretMask(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A mask for {@code secrets} (nulls and values under 6 characters ignored: they would mask ordinary words). */
    public static SecretMask of(Collection<String> secrets) {
        List<String> known = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && s.length() >= 6) {
                known.add(s);
            }
        }
        // Longest first, so that a secret containing another is masked whole.
        known.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretMask(List.copyOf(known));
    }

    /** {@code text} with every credential masked; null stays null. */
    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        out = BEARER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        out = JWT.matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
        return URL.matcher(out).replaceAll(m -> Matcher.quoteReplacement(url(m.group())));
    }

    private static String url(String url) {
        String out = USERINFO.matcher(url).replaceFirst("$1" + Matcher.quoteReplacement(MASK) + "@");
        int query = out.indexOf('?');
        if (query < 0) {
            return out;
        }
        return out.substring(0, query)
                + QUERY_VALUE.matcher(out.substring(query)).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }
}
