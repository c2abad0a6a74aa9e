CREATE TABLE ok_table (id INT) WITH ('connector' = 'datagen');
CREATE TABLE broken (id INT WITH ('connector' = 'datagen');
