# fg_embedded_c(OUT_VAR ROOT): the custom command writing generated/embedded.c under the build
# directory: the data compiled into the library (the gazetteer, the agencies' remits, the role
# lexicon and the store schema, all from the source tree ROOT) as C byte arrays, made by
# cmake/embed.cmake. OUT_VAR receives the file's path, for add_library(). The main build
# (CMakeLists.txt) and the fuzz build (tests/fuzz/CMakeLists.txt) both use it.
function(fg_embedded_c out_var root)
    set(out ${CMAKE_BINARY_DIR}/generated/embedded.c)
    set(names agencies schema remits roles)
    set(files ${root}/graphs/agencies.tsv ${root}/src/schema.sql
              ${root}/graphs/agency-remits.tsv ${root}/graphs/roles.tsv)
    set(inputs "")
    foreach(name file IN ZIP_LISTS names files)
        list(APPEND inputs "${name}=${file}")
    endforeach()
    add_custom_command(
        OUTPUT ${out}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/generated
        COMMAND ${CMAKE_COMMAND} -DOUT=${out} "-DINPUTS=${inputs}" -P ${root}/cmake/embed.cmake
        DEPENDS ${files} ${root}/cmake/embed.cmake
        COMMENT "Embedding the gazetteer, the remits, the role lexicon and src/schema.sql"
        VERBATIM)
    set(${out_var} ${out} PARENT_SCOPE)
endfunction()
