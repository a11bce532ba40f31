package org.quotelab.store;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * An order-independent digest of a table's rows, computed the same way on H2 and PostgreSQL: each
 * row's values are read as plain Java values (text, whole numbers, doubles, booleans, instants in
 * UTC, bytes), hashed with SHA-256 over the columns in name order, and the row hashes are added
 * modulo 2^256. Adding (not XOR) keeps two equal rows from cancelling out; reading the values in
 * Java (not with each database's own hash functions) makes the two databases agree by construction.
 */
final class TableDigest {
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    private final List<StoreTables.Column> byName;
    private final int[] position; // byName's i-th column is the table's position[i]-th
    private final MessageDigest sha;
    private BigInteger sum = BigInteger.ZERO;
    private long rows;

    TableDigest(StoreTables.Table table) {
        this.byName = table.columns().stream().sorted(Comparator.comparing(StoreTables.Column::name)).toList();
        this.position = byName.stream().mapToInt(c -> table.columns().indexOf(c)).toArray();
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a row: its {@link #value}s in the table's column order. */
    void add(Object[] row) {
        for (int i = 0; i < position.length; i++) {
            StoreTables.Column col = byName.get(i);
            Object v = row[position[i]];
            sha.update(col.name().getBytes(StandardCharsets.UTF_8));
            if (v == null) {
                sha.update((byte) 0);
                continue;
            }
            byte[] bytes = v instanceof byte[] b ? b : canonical(v).getBytes(StandardCharsets.UTF_8);
            sha.update((byte) 1);
            sha.update(BigInteger.valueOf(bytes.length).toByteArray());
            sha.update(bytes);
        }
        sum = sum.add(new BigInteger(1, sha.digest())).mod(MODULUS);
        rows++;
    }

    long rows() {
        return rows;
    }

    /** The sum as 64 hex digits. */
    String hex() {
        return String.format("%064x", sum);
    }

    private static String canonical(Object v) {
        if (v instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        }
        return v.toString();
    }

    /**
     * A value as the copy and the digest see it, whichever database it comes from: PostgreSQL
     * reports BOOLEAN as BIT and TIMESTAMP WITH TIME ZONE as TIMESTAMP; CHAR is padded on both.
     */
    static Object value(ResultSet rs, int index, int type) throws SQLException {
        Object v = switch (type) {
            case Types.BIT, Types.BOOLEAN -> rs.getBoolean(index);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> rs.getLong(index);
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> rs.getDouble(index);
            case Types.NUMERIC, Types.DECIMAL -> rs.getBigDecimal(index);
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(index, OffsetDateTime.class);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> rs.getBytes(index);
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR ->
                    rs.getString(index);
            default -> throw new StoreException("column type " + type + " (" + rs.getMetaData().getColumnTypeName(index)
                    + ") of " + rs.getMetaData().getColumnName(index) + " is not one the store copies", null);
        };
        return rs.wasNull() ? null : v;
    }

    /** Sets a {@link #value} as parameter {@code index}, typed for the target column. */
    static void set(PreparedStatement ps, int index, Object v, int targetType) throws SQLException {
        if (v == null) {
            ps.setNull(index, targetType);
        } else if (v instanceof Long l) {
            if (targetType == Types.SMALLINT || targetType == Types.INTEGER || targetType == Types.TINYINT) {
                ps.setInt(index, Math.toIntExact(l));
            } else {
                ps.setLong(index, l);
            }
        } else if (v instanceof Double d) {
            ps.setDouble(index, d);
        } else if (v instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else if (v instanceof byte[] b) {
            ps.setBytes(index, b);
        } else if (v instanceof String s) {
            ps.setString(index, s);
        } else {
            ps.setObject(index, v);
        }
    }
}
