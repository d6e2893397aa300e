# Binary data is refused: exit 1, the message names the file and says it is binary.
args: extract --format tsv data/binary.bin
exit: 1
stderr-contains: binary
stderr-contains: binary.bin
