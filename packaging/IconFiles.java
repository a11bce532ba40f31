import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Wraps icons/quotelab.png (256x256) into the icon containers jpackage wants on Windows (.ico)
 * and macOS (.icns), so those builds need no image tools. Both formats may hold a PNG as is.
 * Run with the JDK's single-file launcher: java packaging/IconFiles.java PNG OUT_DIR
 */
public final class IconFiles {

    public static void main(String[] args) throws IOException {
        byte[] png = Files.readAllBytes(Path.of(args[0]));
        Path out = Files.createDirectories(Path.of(args[1]));
        Files.write(out.resolve("quotelab.ico"), ico(png));
        Files.write(out.resolve("quotelab.icns"), icns(png));
    }

    /** ICONDIR with one 256x256 32-bit entry whose data is the PNG (Windows Vista and later). */
    static byte[] ico(byte[] png) {
        ByteBuffer b = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        b.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0); // 0 means 256 wide and high
        b.putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(6 + 16);
        b.put(png);
        return b.array();
    }

    /** One 'ic08' (256x256 PNG) element in an 'icns' container; lengths are big-endian. */
    static byte[] icns(byte[] png) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeBytes("icns");
        d.writeInt(8 + 8 + png.length);
        d.writeBytes("ic08");
        d.writeInt(8 + png.length);
        d.write(png);
        d.flush();
        return bytes.toByteArray();
    }
}
