package io.archivist.adapters.rest.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys tokens are checked with (the README's Run and Configuration): an HS256 secret, an identity provider's JWKS URL, or
 * both. In embedded dev mode without either, a random secret kept under the data directory, which
 * the {@code token} command uses too. Anywhere else, no key means no start: an unsigned token must
 * never pass.
 */
public final class SigningKeys {

    /** HS256 with a shorter key is not 256-bit security, and Nimbus refuses it. */
    public static final int MIN_SECRET_BYTES = 32;

    public static final String DEV_KEY_FILE = "jwt-hs256.key";

    private final Optional<byte[]> hs256Secret;
    private final Optional<String> jwksUrl;
    private final Optional<Path> devKeyFile;
    private final boolean devKeyCreated;

    private SigningKeys(
            Optional<byte[]> hs256Secret, Optional<String> jwksUrl, Optional<Path> devKeyFile, boolean devKeyCreated) {
        this.hs256Secret = hs256Secret;
        this.jwksUrl = jwksUrl;
        this.devKeyFile = devKeyFile;
        this.devKeyCreated = devKeyCreated;
    }

    /** Decides the keys, creating the dev key if this is its first start; refuses with {@link MissingSigningKey}. */
    public static SigningKeys resolve(KeySettings settings) {
        if (settings.secret().isPresent()) {
            byte[] secret = settings.secret().get().getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_SECRET_BYTES) {
                throw new MissingSigningKey("ARCHIVIST_JWT_SECRET must be at least " + MIN_SECRET_BYTES
                        + " bytes for HS256; the one configured has " + secret.length);
            }
            return new SigningKeys(Optional.of(secret), settings.jwksUrl(), Optional.empty(), false);
        }
        if (settings.jwksUrl().isPresent()) {
            return new SigningKeys(Optional.empty(), settings.jwksUrl(), Optional.empty(), false);
        }
        if (!settings.embedded()) {
            throw new MissingSigningKey("no signing key configured: set ARCHIVIST_JWT_SECRET (at least "
                    + MIN_SECRET_BYTES + " bytes, HS256) or ARCHIVIST_JWT_JWKS_URL (RS256 keys of your identity"
                    + " provider). Only the embedded H2 default runs without one, with a development key.");
        }
        Path file = settings.dataDir().resolve(DEV_KEY_FILE);
        boolean created = createIfAbsent(file);
        return new SigningKeys(Optional.of(read(file)), Optional.empty(), Optional.of(file), created);
    }

    public Optional<byte[]> hs256Secret() {
        return hs256Secret.map(byte[]::clone);
    }

    public Optional<String> jwksUrl() {
        return jwksUrl;
    }

    /** Set in embedded dev mode: the file holding the generated key. */
    public Optional<Path> devKeyFile() {
        return devKeyFile;
    }

    public boolean devKeyCreated() {
        return devKeyCreated;
    }

    private static boolean createIfAbsent(Path file) {
        if (Files.exists(file)) {
            ownerOnly(file, "rw-------"); // a key an earlier version left readable to others
            return false;
        }
        try {
            Path dir = Objects.requireNonNull(file.toAbsolutePath().getParent(), "the key file's directory");
            if (Files.notExists(dir)) {
                // As the embedded store makes it: the key and the database are this user's only.
                Files.createDirectories(dir);
                ownerOnly(dir, "rwx------");
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // Written aside and moved in whole, so that a token command starting at the same time never
            // reads half a key; if another process won the race, its key stays.
            Path draft = Files.createTempFile(dir, DEV_KEY_FILE, ".new");
            ownerOnly(draft, "rw-------");
            Files.writeString(draft, secret + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(draft, file);
                return true;
            } catch (FileAlreadyExistsException lostRace) {
                Files.deleteIfExists(draft);
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the development signing key " + file, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            byte[] secret =
                    Files.readString(file, StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_SECRET_BYTES) {
                throw new MissingSigningKey("the development signing key " + file + " is shorter than "
                        + MIN_SECRET_BYTES + " bytes; delete it and a new one is made");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the development signing key " + file, e);
        }
    }

    private static void ownerOnly(Path file, String permissions) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: the directory's own permissions protect it
        }
    }

    /** The service cannot check tokens, so it must not start. */
    public static final class MissingSigningKey extends RuntimeException {
        public MissingSigningKey(String message) {
            super(message);
        }
    }
}
