package io.calicogitops.git;

/** One file the generator adds, modifies or removes in the repository, with both contents (null where absent). */
public record FileChange(String path, Type type, byte[] before, byte[] after) {

    /** What happens to the file. */
    public enum Type {
        ADDED("A"), MODIFIED("M"), REMOVED("D");

        private final String letter;

        Type(String letter) {
            this.letter = letter;
        }

        public String letter() {
            return letter;
        }
    }
}
