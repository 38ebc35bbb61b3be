package ru.spb.feedback.appeals.open311;

import jakarta.ws.rs.core.MultivaluedMap;
import ru.spb.feedback.appeals.appeal.IntakeRules;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The form of {@code POST requests}, read and checked field by field as the spec names them.
 * Every problem found is reported at once; the values sent are never repeated in an error.
 */
public record ServiceRequestForm(
        String apiKey,
        String jurisdictionId,
        String serviceCode,
        Double lat,
        Double lon,
        String addressString,
        String email,
        String deviceId,
        String accountId,
        String firstName,
        String lastName,
        String description,
        String mediaUrl,
        Map<String, String> attributes) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{3,32}");
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]{1,64})]");

    /** Reads the form; a 400 lists every field that is missing, repeated, too long or malformed. */
    static ServiceRequestForm read(MultivaluedMap<String, String> form) {
        List<String> problems = new ArrayList<>();
        Fields fields = new Fields(form, problems);
        String apiKey = fields.text("api_key", 200);
        String jurisdictionId = fields.text("jurisdiction_id", 200);
        String serviceCode = fields.text("service_code", 32);
        Double lat = fields.number("lat", -90, 90);
        Double lon = fields.number("long", -180, 180);
        String address = fields.text("address_string", 500);
        String addressId = fields.text("address_id", 200);
        String email = fields.text("email", 320);
        String deviceId = fields.text("device_id", 200);
        String accountId = fields.text("account_id", 200);
        String firstName = fields.text("first_name", 100);
        String lastName = fields.text("last_name", 100);
        // checked as the spec defines it, then dropped: nobody here calls reporters, and personal
        // data no one uses is not kept (152-ФЗ, data minimisation)
        String phone = fields.text("phone", 32);
        String description = fields.text("description", Integer.MAX_VALUE);
        String mediaUrl = fields.text("media_url", 2000);
        Map<String, String> attributes = fields.attributes();

        if (serviceCode == null) {
            problems.add("service_code was not provided");
        }
        if ((lat == null) != (lon == null) && !problems.contains("lat is not a number") && !problems.contains("long is not a number")) {
            problems.add("lat and long must be given together");
        }
        if (lat == null && lon == null && address == null) {
            problems.add(addressId != null
                    ? "address_id is not supported here: send lat and long, or address_string"
                    : "a location is required: lat and long, or address_string");
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add("email is not an e-mail address");
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add("phone may hold only digits, spaces, +, - and brackets");
        }
        IntakeRules.descriptionProblem(description).ifPresent(problem -> problems.add("description " + problem));
        if (mediaUrl != null && !isWebAddress(mediaUrl)) {
            problems.add("media_url is not an http or https URL");
        }
        if (!problems.isEmpty()) {
            throw Open311Error.badRequest(problems);
        }
        return new ServiceRequestForm(apiKey, jurisdictionId, serviceCode, lat, lon, address,
                email == null ? null : email.toLowerCase(Locale.ROOT), deviceId, accountId, firstName, lastName,
                description, mediaUrl, attributes);
    }

    /** The person's name as the integrator gave it, or null. */
    String contactName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? null : name;
    }

    private static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ServiceRequestForm[service_code=" + serviceCode + "]";
    }

    /** Reads single-valued fields, collecting what is wrong with them. */
    private record Fields(MultivaluedMap<String, String> form, List<String> problems) {

        String text(String name, int maxLength) {
            List<String> values = form.get(name);
            if (values == null || values.isEmpty()) {
                return null;
            }
            if (values.size() > 1) {
                problems.add(name + " was given more than once");
                return null;
            }
            String value = values.get(0).trim();
            if (value.isEmpty()) {
                return null;
            }
            if (maxLength != Integer.MAX_VALUE && value.codePointCount(0, value.length()) > maxLength) {
                problems.add(name + " is longer than " + maxLength + " characters");
                return null;
            }
            return value;
        }

        Double number(String name, double min, double max) {
            String text = text(name, 40);
            if (text == null) {
                return null;
            }
            try {
                double value = Double.parseDouble(text);
                if (Double.isNaN(value) || value < min || value > max) {
                    problems.add(name + " must lie between " + (int) min + " and " + (int) max);
                    return null;
                }
                return value;
            } catch (NumberFormatException e) {
                problems.add(name + " is not a number");
                return null;
            }
        }

        /** {@code attribute[code]=value} pairs, by code (sorted, so errors about them come in a stable order). */
        Map<String, String> attributes() {
            Map<String, String> attributes = new TreeMap<>();
            for (String name : form.keySet()) {
                var matcher = ATTRIBUTE.matcher(name);
                if (matcher.matches()) {
                    String value = text(name, 1000);
                    if (value != null) {
                        attributes.put(matcher.group(1), value);
                    }
                } else if (name.startsWith("attribute")) {
                    problems.add("attributes are sent as attribute[code]=value");
                }
            }
            return attributes;
        }
    }
}
